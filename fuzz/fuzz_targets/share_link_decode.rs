//! Any fragment through the share-link decoder: it must refuse what it cannot read, within its
//! caps on size and on the compression ratio, and never panic; what it reads must encode back
//! to a link that decodes to the same state.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pod_model::playground::share_link;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    if let Ok(state) = share_link::decode(&fragment) {
        let again = share_link::decode(&share_link::encode(&state));
        assert_eq!(again.as_ref(), Ok(&state));
    }
});
