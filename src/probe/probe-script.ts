// The MFA Server probe: a short PowerShell script the admin runs on each MFA Server (the wizard often
// runs on a jump host and cannot read the server itself). It only reads, and prints one JSON document
// that the wizard imports as evidence (probe-schema.ts). Kept readable on purpose: admins should be
// able to review every line before running it on a production server.

export const PROBE_VERSION = 1;

/** Where the wizard offers to save the script. */
export const PROBE_SCRIPT_DEFAULT = './mfa-migrate-probe.ps1';

export function probeScript(): string {
  return `# mfa-migrate MFA Server probe, version ${PROBE_VERSION}
# READ-ONLY: it reads the registry, the MFA Server data folder, the service state and log sizes,
# and prints one JSON document. It writes nothing on this server.
# Run in an elevated PowerShell on each MFA Server, then give the output to mfa-migrate:
#   powershell -NoProfile -ExecutionPolicy Bypass -File .\\mfa-migrate-probe.ps1 > probe-$env:COMPUTERNAME.json
param([string]$DataFolder = '')
$ErrorActionPreference = 'Stop'

$pfKey = 'HKLM:\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor'
function Get-PfValue([string]$Name) {
  try { return (Get-ItemProperty -Path $pfKey -Name $Name -ErrorAction Stop).$Name } catch { return $null }
}

# Installed version: the Uninstall entry's DisplayVersion is the most reliable source.
$uninstallKeys = @(
  'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*',
  'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'
)
$product = Get-ItemProperty -Path $uninstallKeys -ErrorAction SilentlyContinue |
  Where-Object { $_.DisplayName -like '*Multi-Factor Authentication Server*' } |
  Select-Object -First 1
$installDir = if ($product -and $product.InstallLocation) { $product.InstallLocation } else { Join-Path $env:ProgramFiles 'Multi-Factor Authentication Server' }
if (-not $DataFolder) { $DataFolder = Join-Path $installDir 'Data' }

$dataFile = $null
$pfdata = Join-Path $DataFolder 'PhoneFactor.pfdata'
if (Test-Path -LiteralPath $pfdata) {
  $item = Get-Item -LiteralPath $pfdata
  $hash = $null; $hashError = $null
  try { $hash = (Get-FileHash -LiteralPath $pfdata -Algorithm SHA256).Hash.ToLowerInvariant() } catch { $hashError = $_.Exception.Message }
  $dataFile = [ordered]@{
    path = $item.FullName
    size = $item.Length
    lastWriteTimeUtc = $item.LastWriteTimeUtc.ToString('o')
    sha256 = $hash
    hashError = $hashError
  }
}

$service = Get-Service -Name 'MultiFactorAuth' -ErrorAction SilentlyContinue
$logDir = Join-Path $installDir 'Logs'
$logs = @()
if (Test-Path -LiteralPath $logDir) {
  $logs = @(Get-ChildItem -LiteralPath $logDir -File | ForEach-Object { [ordered]@{ name = $_.Name; size = $_.Length } })
}
$cs = Get-CimInstance -ClassName Win32_ComputerSystem
$port = Get-PfValue 'Pfsvc_ncan_ip_tcp_port'

[ordered]@{
  probe = 'mfa-migrate'
  probeVersion = ${PROBE_VERSION}
  collectedAt = (Get-Date).ToUniversalTime().ToString('o')
  server = [ordered]@{ name = $env:COMPUTERNAME; domainJoined = [bool]$cs.PartOfDomain; domain = $cs.Domain }
  version = if ($product) { $product.DisplayVersion } else { $null }
  installDir = $installDir
  dataFolder = $DataFolder
  dataFile = $dataFile
  registry = [ordered]@{
    Pfsvc_ncan_ip_tcp_port = if ($null -ne $port) { [int]$port } else { $null }
    StsUrl = Get-PfValue 'StsUrl'
    GraphUrl = Get-PfValue 'GraphUrl'
  }
  service = if ($service) { [ordered]@{ name = $service.Name; status = $service.Status.ToString() } } else { $null }
  logs = $logs
} | ConvertTo-Json -Depth 5
`;
}
