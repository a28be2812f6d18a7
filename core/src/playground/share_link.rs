//! Share links: the whole state of the playground (the scenario with its manifest, the step on
//! screen, the visible panels) in a URL fragment, `#v1.` followed by the state's JSON,
//! deflate-compressed and base64url-encoded. Decoding is bounded: the fragment's length, the
//! inflated size and the compression ratio are capped, so a crafted link cannot exhaust memory.

use crate::api::yaml::single_json_document;
use crate::base::json::{self, Object, Read, list, only, optional, string, unsigned};
use crate::cluster::scenario::{MAX_SCENARIO_BYTES, Scenario};
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// The fragment's prefix, with the link format's version.
pub const PREFIX: &str = "#v1.";
/// The longest fragment decoded, in characters.
pub const MAX_FRAGMENT_CHARS: usize = 256 * 1024;
/// The largest inflated state, in bytes.
pub const MAX_STATE_BYTES: usize = MAX_SCENARIO_BYTES;
/// The highest compression ratio accepted (inflated bytes per compressed byte); text manifests
/// compress about 3:1, so anything far beyond is a decompression bomb.
pub const MAX_RATIO: usize = 64;

/// What a link holds: as JSON, `{"scenario": …, "step": 3, "panels": ["editor"]}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedState {
    /// The scenario, with the manifest in it.
    pub scenario: Scenario,
    /// The step of the timeline on screen, from 0.
    pub step: usize,
    /// The panels shown (`editor`, `pod`, `lifecycle`); empty for all.
    pub panels: Vec<String>,
    /// The Pod selected in the cluster view, by name, when one is: the diagram draws it and the
    /// stepper tells its story.
    pub pod: Option<String>,
}

impl SharedState {
    /// The state as compact JSON.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let mut object = Object::open(&mut out);
        object.key("scenario").push_str(&self.scenario.to_json());
        object.key("step").push_str(&self.step.to_string());
        if !self.panels.is_empty() {
            json::write_list(object.key("panels"), &self.panels, |out, panel| {
                json::write_string(out, panel);
            });
        }
        if let Some(pod) = &self.pod {
            json::write_string(object.key("pod"), pod);
        }
        object.close();
        out
    }

    /// Reads the state's JSON text; the scenario is checked as any scenario is.
    pub fn from_json(text: &str) -> Result<SharedState, String> {
        let damaged = |error: String| format!("the link is damaged: {error}");
        let root = single_json_document(text).map_err(damaged)?;
        let fields = root.object("struct SharedState").map_err(damaged)?;
        only(fields, &["scenario", "step", "panels", "pod"]).map_err(damaged)?;
        let scenario = fields
            .get("scenario")
            .ok_or_else(|| damaged("missing field `scenario`".to_owned()))?;
        let step: Read<Option<u64>> = optional(fields, "step", |value| unsigned(value, "usize"));
        let step = step.map_err(damaged)?.unwrap_or(0);
        let panels = optional(fields, "panels", |value| list(value, string)).map_err(damaged)?;
        Ok(SharedState {
            scenario: Scenario::read_json_value(scenario)
                .map_err(|error| damaged(format!("scenario: {error}")))?
                .checked()?,
            step: usize::try_from(step).unwrap_or(usize::MAX),
            panels: panels.unwrap_or_default(),
            pod: optional(fields, "pod", string).map_err(damaged)?,
        })
    }
}

/// The fragment of a link to `state`: `#v1.` and the compressed state.
pub fn encode(state: &SharedState) -> String {
    let json = state.to_json();
    let compressed = compress_to_vec(json.as_bytes(), 9);
    format!("{PREFIX}{}", base64url(&compressed))
}

/// The state in a fragment (with or without its `#`), or why it cannot be read.
pub fn decode(fragment: &str) -> Result<SharedState, String> {
    let fragment = if fragment.starts_with('#') {
        fragment.to_owned()
    } else {
        format!("#{fragment}")
    };
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(format!(
            "the link is {} characters long; links of more than {MAX_FRAGMENT_CHARS} are not read",
            fragment.len()
        ));
    }
    let Some(payload) = fragment.strip_prefix(PREFIX) else {
        return Err(
            match fragment
                .strip_prefix("#v")
                .and_then(|rest| rest.split('.').next())
            {
                Some(version)
                    if version.chars().all(|c| c.is_ascii_digit()) && !version.is_empty() =>
                {
                    format!(
                        "the link was made by a newer Podplay (format v{version}); this one reads v1"
                    )
                }
                _ => "this is not a Podplay link: it should start with #v1.".to_owned(),
            },
        );
    };
    let compressed = from_base64url(payload)
        .ok_or_else(|| "the link is damaged: it is not base64url text".to_owned())?;
    let limit = MAX_STATE_BYTES.min(compressed.len().saturating_mul(MAX_RATIO));
    let json = decompress_to_vec_with_limit(&compressed, limit)
        .map_err(|_| "the link is damaged, or holds more than the playground reads".to_owned())?;
    let text =
        String::from_utf8(json).map_err(|_| "the link is damaged: not UTF-8 text".to_owned())?;
    SharedState::from_json(&text)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for index in 0..chars {
            let sextet = (n >> (18 - 6 * index)) & 63;
            out.push(char::from(ALPHABET[sextet as usize]));
        }
    }
    out
}

/// The bytes of base64url text (padding tolerated), or `None` for any other character.
fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xFF) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::time::VirtualTime;
    use crate::cluster::scenario::{Action, What};
    use crate::playground::gallery::SIDECAR_LOGGING;

    fn sidecar_state() -> SharedState {
        SharedState {
            scenario: Scenario {
                manifest: SIDECAR_LOGGING.manifest.to_owned(),
                ..Scenario::default()
            },
            step: 3,
            panels: Vec::new(),
            pod: None,
        }
    }

    #[test]
    fn a_link_restores_the_state_exactly() {
        let mut state = sidecar_state();
        state.scenario.actions.push(Action {
            at: VirtualTime::from_secs(30),
            pod: None,
            what: What::DeletePod {
                grace_period_seconds: Some(5),
            },
        });
        state.panels = vec!["editor".to_owned(), "pod".to_owned()];
        state.pod = Some("web-6dc4775f54-dztlj".to_owned());
        let link = encode(&state);
        assert!(link.starts_with("#v1."));
        assert_eq!(decode(&link), Ok(state.clone()));
        assert_eq!(decode(&link[1..]), Ok(state));
    }

    /// A link made by Podplay before the cluster (commit 534ee88, whose serde wrote the JSON)
    /// opens as it did, and the same state makes the same link today.
    #[test]
    fn a_link_from_before_the_cluster_still_opens() {
        const OLD: &str = "#v1.RVJLbtswEL0KMWtbkBQ7SLgPggJuayBFFi2NgibHChHxU5J26xo6Rbe9QM_Rm_QkHdKJAxEQ5_PevJnhCZJCJ6PxwE9wwJiMd8C7GVjpzA5TBg4ymMdzhLNDJ9yzcZqztdfCWcxSyyy5cIw5aZEzAd_2PqNmQggorvKnjxKkcz7LTESJsxPda3qWWyHyE0Zkf_-wf79_CZiESwFVZVXeZWkcCajmnIC1jgxhxoyVA93dYNwPAsEMnNdYeilJpP27j88Y5z1FTCC7u-2b7vqmWdw2xafCnpwLulm0Ph7JuLk3MM0gYTwYhQn4F7BHvYUNZXu3M8N7GVKpQALmZ0-xVh_vv67uHu9WRKFxux9gIpYnH83PMlFYWiqSsoxlon3bX8_bjs6ntuX1fKZw8PpdFdk2_WLRtM2SnFLVgZEOKlnAV20it6aNgYooMz6cpZbmz03b44t6auQF1NlXzE6acR39tuRfZlu3HIqEGuEwmgM6TOmNob8waBwxI-2fHEOUCtdID0g_INFpErq8YK4umNEn_FBWM23KcDNSnwsqJx2Odcah0o305tRRjQib6T8";
        let state = decode(OLD).expect("an old link opens");
        assert_eq!(state.step, 4);
        assert_eq!(state.panels, ["pod", "lifecycle"]);
        assert_eq!(state.scenario.node.name, "worker-2");
        assert_eq!(state.scenario.actions.len(), 4);
        assert!(state.scenario.manifest.contains("tab\\there é ✓"));
        assert_eq!(encode(&state), OLD);
    }

    #[test]
    fn the_sidecar_examples_link_is_short() {
        let link = encode(&sidecar_state());
        println!("sidecar link: {} characters", link.len());
        assert!(link.len() <= 1_000, "{} characters", link.len());
    }

    #[test]
    fn base64url_round_trips() {
        for length in 0..20 {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(from_base64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(from_base64url("a b"), None);
    }

    #[test]
    fn bad_links_get_reasons() {
        let check = |fragment: &str| decode(fragment).unwrap_err();
        assert_eq!(
            check("#v2.abc"),
            "the link was made by a newer Podplay (format v2); this one reads v1"
        );
        assert_eq!(
            check("#hello"),
            "this is not a Podplay link: it should start with #v1."
        );
        assert_eq!(
            check("#v1.@@@"),
            "the link is damaged: it is not base64url text"
        );
        assert_eq!(
            check("#v1.AAAA"),
            "the link is damaged, or holds more than the playground reads"
        );
        let long = format!("#v1.{}", "A".repeat(MAX_FRAGMENT_CHARS));
        assert!(check(&long).contains("are not read"));
    }

    #[test]
    fn decompression_bombs_are_refused() {
        // A megabyte of spaces compresses about a thousandfold.
        let bomb = compress_to_vec(&vec![b' '; MAX_STATE_BYTES], 9);
        let link = format!("{PREFIX}{}", base64url(&bomb));
        assert_eq!(
            decode(&link).unwrap_err(),
            "the link is damaged, or holds more than the playground reads"
        );
    }
}
