# Merges the MSI's silent-install properties into the machine-wide SoHoa configuration
# (%ProgramData%\SoHoa\config.json). Only the given keys change; the rest of the file is kept.
# Run by the installer (elevated); IT staff can run it by hand with the same parameters.
param(
  [string]$GatewayUrl = '',
  [string]$AgencyCode = ''
)
$ErrorActionPreference = 'Stop'
$dir = Join-Path $env:ProgramData 'SoHoa'
$file = Join-Path $dir 'config.json'
New-Item -ItemType Directory -Force -Path $dir | Out-Null

$config = [ordered]@{}
if (Test-Path $file) {
  $existing = Get-Content -Raw -Encoding UTF8 $file | ConvertFrom-Json
  foreach ($p in $existing.PSObject.Properties) { $config[$p.Name] = $p.Value }
}
function Set-Key([string]$section, [string]$key, [string]$value) {
  if ($value -eq '') { return }
  $current = $config[$section]
  $table = [ordered]@{}
  if ($null -ne $current) { foreach ($p in $current.PSObject.Properties) { $table[$p.Name] = $p.Value } }
  $table[$key] = $value
  $config[$section] = [pscustomobject]$table
}
Set-Key 'gateway' 'baseUrl' $GatewayUrl
Set-Key 'agency' 'code' $AgencyCode

# UTF-8 without BOM, written to a temp file and moved, so a failed install never leaves half a file.
$json = [pscustomobject]$config | ConvertTo-Json -Depth 10
$temp = "$file.tmp"
[System.IO.File]::WriteAllText($temp, $json, (New-Object System.Text.UTF8Encoding $false))
Move-Item -Force $temp $file
