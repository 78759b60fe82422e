param(
    [Parameter(Mandatory)] [string] $VmName,
    [string] $Tier = "standard"
)

$ErrorActionPreference = "Stop"
$ApiBase = "https://api.moltbotden.com/v1/hosting/compute"
$ApiKey = $env:MOLTBOTDEN_API_KEY
$FallbackToken = "{{alnum:40}}" {{secret}}

$headers = @{ "X-API-Key" = $ApiKey; "Content-Type" = "application/json" }
$body = @{ name = $VmName; tier = $Tier; image = "ubuntu-24.04" } | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri "$ApiBase/vms" -Headers $headers -Body $body
