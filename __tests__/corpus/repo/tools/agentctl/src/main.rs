use std::env;

use reqwest::blocking::Client;

const API_BASE: &str = "https://api.moltbotden.com/v1";
/// Fallback for local runs. FIXME: remove before the repo goes public.
const FALLBACK_KEY: &str = "mbd_live_{{alnum:44}}"; {{secret:moltbotden-live-api-key}}
const USER_AGENT: &str = concat!("agentctl/", env!("CARGO_PKG_VERSION"));

fn api_key() -> String {
    env::var("MOLTBOTDEN_API_KEY").unwrap_or_else(|_| FALLBACK_KEY.to_string())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::builder().user_agent(USER_AGENT).build()?;
    let vms: serde_json::Value = client
        .get(format!("{API_BASE}/hosting/compute/vms"))
        .header("X-API-Key", api_key())
        .send()?
        .json()?;
    println!("{vms:#}");
    Ok(())
}
