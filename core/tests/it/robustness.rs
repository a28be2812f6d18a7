//! No input makes parsing panic. Seeded mutations of every docs example (typing damage, stray
//! YAML indicators, anchors and aliases, tabs, smart quotes) go through `parse`; a panic fails
//! the test. The seed makes every run test the same inputs.

use std::fs;

use crate::corpus::{corpus_dir, yaml_files};

/// Fragments that typing and copy-paste put into YAML, and that stress the parser.
const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    "- ",
    "&a ",
    "*a",
    "&b [*a, *a]",
    "!!str ",
    "!foo ",
    "\t",
    "'",
    "\"",
    "\n",
    "  ",
    "#",
    "|",
    ">-",
    "? ",
    ",",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "@",
    "`",
    "\u{201C}",
    "\u{2019}",
    "\u{feff}",
    "\r\n",
    "\\",
    "\u{0}",
    "0x1F",
    "1e400",
    "~",
];

/// A small deterministic generator (xorshift64*), so that the test needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(bound.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}

/// One random edit of `text` at a character boundary.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let (before, after) = chars.split_at(at);
    let before: String = before.iter().collect();
    match rng.below(4) {
        0 => {
            let cut = rng.below(after.len().min(12) + 1);
            format!("{before}{}", after[cut..].iter().collect::<String>())
        }
        1 => format!(
            "{before}{}{}",
            FRAGMENTS[rng.below(FRAGMENTS.len())],
            after.iter().collect::<String>()
        ),
        2 => {
            let length = rng.below(40);
            let copy: String = after.iter().take(length).collect();
            format!("{before}{copy}{}", after.iter().collect::<String>())
        }
        _ => before,
    }
}

#[test]
fn mutated_docs_examples_never_panic() {
    let mut rng = Rng(0x5EED_F0B0_D5C0);
    let mut parsed = 0;
    for path in yaml_files(&corpus_dir()) {
        let original = fs::read_to_string(&path).expect("corpus files are UTF-8");
        let mut text = original.clone();
        for round in 0..300 {
            // Edits pile up for a while, then start again from the original.
            if round % 25 == 0 {
                text = original.clone();
            }
            text = mutate(&text, &mut rng);
            let result = pod_model::parse(&text);
            for diagnostic in &result.diagnostics {
                assert!(diagnostic.span.start.line >= 1 && diagnostic.span.start.column >= 1);
            }
            parsed += 1;
        }
    }
    assert!(parsed >= 9_000, "only {parsed} inputs were parsed");
}

#[test]
fn random_fragments_never_panic() {
    let mut rng = Rng(0xF00D_CAFE);
    for _ in 0..3_000 {
        let length = rng.below(30);
        let text: String = (0..length)
            .map(|_| FRAGMENTS[rng.below(FRAGMENTS.len())])
            .collect();
        let _ = pod_model::parse(&text);
    }
}
