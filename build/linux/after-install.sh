#!/bin/sh
# .deb post-install: the machine-wide configuration folder IT staff deploy config.json into.
# Scanner access on Linux is through SANE; USB scanners need the user in the "scanner" group
# (Debian/Ubuntu's libsane1 udev rules grant it), see docs/ADMIN-GUIDE.md.
set -e
install -d -m 0755 /etc/sohoa
if [ ! -e /etc/sohoa/config.json ]; then
  printf '{}\n' > /etc/sohoa/config.json
  chmod 0644 /etc/sohoa/config.json
fi
if getent group scanner >/dev/null 2>&1; then
  echo "SoHoa: add each counter user to the 'scanner' group: sudo usermod -aG scanner <user>"
fi
exit 0
