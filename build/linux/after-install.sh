#!/bin/bash
# .deb post-install. electron-builder renders ${executable} and ${sanitizedProductName} in this
# template; it replaces its default script, so the usual steps (command link, Chromium sandbox,
# desktop database, AppArmor profile) are kept here besides SoHoa's own.
set -e
APP_DIR='/opt/${sanitizedProductName}'

# `sohoa` on the PATH (the app and its CLI).
if command -v update-alternatives >/dev/null 2>&1; then
  update-alternatives --install '/usr/bin/${executable}' '${executable}' "$APP_DIR/${executable}" 100 \
    || ln -sf "$APP_DIR/${executable}" '/usr/bin/${executable}'
else
  ln -sf "$APP_DIR/${executable}" '/usr/bin/${executable}'
fi

# Chromium's sandbox: setuid helper only where unprivileged user namespaces are unavailable.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$APP_DIR/chrome-sandbox" || true
else
  chmod 4755 "$APP_DIR/chrome-sandbox" || true
fi

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database /usr/share/applications || true

# Ubuntu 24.04+ restricts user namespaces to programs with an AppArmor profile.
if apparmor_status --enabled >/dev/null 2>&1 && [ -f "$APP_DIR/resources/apparmor-profile" ] \
  && apparmor_parser --skip-kernel-load "$APP_DIR/resources/apparmor-profile" >/dev/null 2>&1; then
  cp -f "$APP_DIR/resources/apparmor-profile" '/etc/apparmor.d/${executable}'
  apparmor_parser --replace --write-cache --skip-read-cache '/etc/apparmor.d/${executable}' || true
fi

# Machine-wide configuration IT staff deploy (docs/ADMIN-GUIDE.md); never overwritten.
install -d -m 0755 /etc/sohoa
if [ ! -e /etc/sohoa/config.json ]; then
  printf '{}\n' > /etc/sohoa/config.json
  chmod 0644 /etc/sohoa/config.json
fi
if getent group scanner >/dev/null 2>&1; then
  echo "SoHoa: add each counter user to the 'scanner' group: sudo usermod -aG scanner <user>"
fi
exit 0
