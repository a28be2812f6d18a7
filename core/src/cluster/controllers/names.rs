//! The names controllers give: `generateName`'s five random characters
//! (staging/src/k8s.io/apiserver/pkg/storage/names/generate.go, `rand.String`) drawn from a
//! seeded generator so that a run is the same every time, and the `pod-template-hash` of a
//! Deployment's ReplicaSets (pkg/controller/controller_utils.go `ComputeHash`).

use crate::api::workloads::types::PodTemplateSpec;

/// The characters of generated names and hashes: no vowels, no 0, 1 or 3
/// (apimachinery's `rand.alphanums`).
const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// The most characters of a base that `generateName` keeps (`MaxGeneratedNameLength`).
const MAX_BASE_LENGTH: usize = 58;

/// How many random characters `generateName` adds.
const RANDOM_LENGTH: usize = 5;

/// `base` followed by five characters drawn from `seed`, as the API server completes a
/// `generateName` (the base cut to 58 characters).
pub fn generate_name(base: &str, seed: &str) -> String {
    let cut = base
        .char_indices()
        .nth(MAX_BASE_LENGTH)
        .map_or(base, |(at, _)| &base[..at]);
    let mut state = fnv1a_64(seed.as_bytes());
    let mut name = String::with_capacity(cut.len() + RANDOM_LENGTH);
    name.push_str(cut);
    for _ in 0..RANDOM_LENGTH {
        state = splitmix64(state);
        let index = usize::try_from(state % ALPHANUMS.len() as u64).unwrap_or(0);
        name.push(char::from(ALPHANUMS[index]));
    }
    name
}

/// The `pod-template-hash` of `template`: FNV-1a (32 bits) of the template's dump, printed in
/// decimal, each digit then mapped into the name alphabet (`rand.SafeEncodeString`), as
/// `ComputeHash` does. Upstream hashes Go's dump of the struct, so the values differ from a
/// real cluster's, but their shape (the characters `456789bcdf`) is the same.
pub fn pod_template_hash(template: &PodTemplateSpec, collision_count: Option<i32>) -> String {
    let mut hash = fnv1a_32_start();
    hash = fnv1a_32(hash, format!("{template:?}").as_bytes());
    if let Some(count) = collision_count {
        let mut bytes = [0u8; 8];
        bytes[..4].copy_from_slice(&count.to_le_bytes());
        hash = fnv1a_32(hash, &bytes);
    }
    safe_encode(&hash.to_string())
}

/// Each character of `text` mapped into the name alphabet (`rand.SafeEncodeString`).
fn safe_encode(text: &str) -> String {
    text.chars()
        .map(|c| {
            let index = usize::try_from(u32::from(c) % ALPHANUMS.len() as u32).unwrap_or(0);
            char::from(ALPHANUMS[index])
        })
        .collect()
}

fn fnv1a_32_start() -> u32 {
    0x811c_9dc5
}

fn fnv1a_32(mut hash: u32, bytes: &[u8]) -> u32 {
    for byte in bytes {
        hash = (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193);
    }
    hash
}

fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn splitmix64(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_names_have_upstreams_shape() {
        let name = generate_name("web-7c5ddbdf54-", "uid/0");
        assert_eq!(name.len(), "web-7c5ddbdf54-".len() + 5);
        assert!(name[15..].bytes().all(|b| ALPHANUMS.contains(&b)), "{name}");
        // The same seed gives the same name; another seed another.
        assert_eq!(name, generate_name("web-7c5ddbdf54-", "uid/0"));
        assert_ne!(name, generate_name("web-7c5ddbdf54-", "uid/1"));
        // A long base is cut to 58 characters (names.SimpleNameGenerator).
        assert_eq!(generate_name(&"a".repeat(70), "s").len(), 63);
    }

    #[test]
    fn template_hashes_use_the_ten_characters_of_encoded_digits() {
        let hash = pod_template_hash(&PodTemplateSpec::default(), None);
        // SafeEncodeString of a decimal number: 0→4 1→5 2→6 3→7 4→8 5→9 6→b 7→c 8→d 9→f.
        assert!(hash.bytes().all(|b| b"456789bcdf".contains(&b)), "{hash}");
        assert_eq!(safe_encode("0123456789"), "456789bcdf");
        assert_ne!(
            hash,
            pod_template_hash(&PodTemplateSpec::default(), Some(1))
        );
    }
}
