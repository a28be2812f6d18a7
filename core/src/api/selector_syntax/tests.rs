//! Upstream's tables of k8s.io/apimachinery/pkg/labels/selector_test.go, each case under the
//! name of its upstream test.

use std::collections::BTreeMap;

use super::{Token, parse, scan};

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

/// Parses `text` and prints it back, or its error.
fn check(text: &str) -> String {
    match parse(text) {
        Ok(selector) => selector.to_string(),
        Err(error) => format!("error: {error}"),
    }
}

fn matches(selector: &str, set: &[(&str, &str)]) -> bool {
    parse(selector)
        .unwrap_or_else(|error| panic!("{selector}: {error}"))
        .matches(&labels(set))
}

#[test]
fn test_selector_parse() {
    // TestSelectorParse: good strings print back without their spaces.
    for text in [
        "x=a,y=b,z=c",
        "",
        "x!=a,y=b",
        "x=",
        "x= ",
        "x=,z= ",
        "x= ,z= ",
        "!x",
        "x>1",
        "x>1,z<5",
    ] {
        assert_eq!(check(text), text.replace(' ', ""), "{text}");
    }
    for text in ["x=a||y=b", "x==a==b", "!x=a", "x<a"] {
        assert!(parse(text).is_err(), "{text} parsed");
    }
}

#[test]
fn test_deterministic_parse() {
    assert_eq!(check("x=a,a=x"), check("a=x,x=a"));
}

#[test]
fn test_selector_matches() {
    assert!(matches("", &[("x", "y")]));
    assert!(matches("x=y", &[("x", "y")]));
    assert!(matches("x=y,z=w", &[("x", "y"), ("z", "w")]));
    assert!(matches("x!=y,z!=w", &[("x", "z"), ("z", "a")]));
    assert!(matches("notin=in", &[("notin", "in")]));
    assert!(matches("x", &[("x", "z")]));
    assert!(matches("!x", &[("y", "z")]));
    assert!(matches("x>1", &[("x", "2")]));
    assert!(matches("x<1", &[("x", "0")]));
    assert!(!matches("x=z", &[]));
    assert!(!matches("x=y", &[("x", "z")]));
    assert!(!matches("x=y,z=w", &[("x", "w"), ("z", "w")]));
    assert!(!matches("x!=y,z!=w", &[("x", "z"), ("z", "w")]));
    assert!(!matches("x", &[("y", "z")]));
    assert!(!matches("!x", &[("x", "z")]));
    assert!(!matches("x>1", &[("x", "0")]));
    assert!(!matches("x<1", &[("x", "2")]));
    let set = [("foo", "bar"), ("baz", "blah")];
    assert!(matches("foo=bar", &set));
    assert!(matches("baz=blah", &set));
    assert!(matches("foo=bar,baz=blah", &set));
    assert!(!matches("foo=blah", &set));
    assert!(!matches("baz=bar", &set));
    assert!(!matches("foo=bar,foobar=bar,baz=blah", &set));
}

#[test]
fn test_lexer() {
    for (text, token) in [
        ("", Token::EndOfString),
        (",", Token::Comma),
        ("notin", Token::NotIn),
        ("in", Token::In),
        ("=", Token::Equals),
        ("==", Token::DoubleEquals),
        (">", Token::GreaterThan),
        ("<", Token::LessThan),
        // The longest valid token is taken.
        ("!", Token::DoesNotExist),
        ("!=", Token::NotEquals),
        ("(", Token::OpenPar),
        (")", Token::ClosedPar),
        // Characters that are not special are part of an identifier.
        ("~", Token::Identifier),
        ("||", Token::Identifier),
    ] {
        let items = scan(text);
        assert_eq!(items[0], (token, text.to_owned()), "{text:?}");
    }
}

#[test]
fn test_lexer_sequence() {
    use Token::*;
    for (text, tokens) in [
        (
            "key in ( value )",
            vec![Identifier, In, OpenPar, Identifier, ClosedPar],
        ),
        (
            "key notin ( value )",
            vec![Identifier, NotIn, OpenPar, Identifier, ClosedPar],
        ),
        (
            "key in ( value1, value2 )",
            vec![
                Identifier, In, OpenPar, Identifier, Comma, Identifier, ClosedPar,
            ],
        ),
        ("key", vec![Identifier]),
        ("!key", vec![DoesNotExist, Identifier]),
        ("()", vec![OpenPar, ClosedPar]),
        (
            "x in (),y",
            vec![Identifier, In, OpenPar, ClosedPar, Comma, Identifier],
        ),
        (
            "== != (), = notin",
            vec![
                DoubleEquals,
                NotEquals,
                OpenPar,
                ClosedPar,
                Comma,
                Equals,
                NotIn,
            ],
        ),
        ("key>2", vec![Identifier, GreaterThan, Identifier]),
        ("key<1", vec![Identifier, LessThan, Identifier]),
    ] {
        let scanned: Vec<Token> = scan(text)
            .into_iter()
            .map(|(token, _)| token)
            .filter(|token| *token != EndOfString)
            .collect();
        assert_eq!(scanned, tokens, "{text}");
    }
}

#[test]
fn test_requirement_selector_matching() {
    assert!(matches(
        "x in (foo),y notin (alpha)",
        &[("x", "foo"), ("y", "baz")]
    ));
    assert!(!matches(
        "x in (foo),y in (alpha)",
        &[("x", "foo"), ("y", "baz")]
    ));
    assert!(matches("x notin (),y", &[("y", "")]));
    assert!(matches("!x,y", &[("y", "")]));
    assert!(!matches("x notin (),!y", &[("y", "")]));
    assert!(!matches("x in ()", &[("y", "baz")]));
    assert!(matches("z>1", &[("z", "2")]));
    assert!(!matches("z>1", &[("z", "v2")]));
}

#[test]
fn test_set_selector_parser() {
    // TestSetSelectorParser: each text, as it prints back, or its error.
    let cases = [
        ("", ""),
        ("\rx", "x"),
        (
            "this-is-a-dns.domain.com/key-with-dash",
            "this-is-a-dns.domain.com/key-with-dash",
        ),
        (
            "this-is-another-dns.domain.com/key-with-dash in (so,what)",
            "this-is-another-dns.domain.com/key-with-dash in (so,what)",
        ),
        (
            "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
            "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
        ),
        ("foo  in\t (abc)", "foo in (abc)"),
        ("x notin\n (abc)", "x notin (abc)"),
        ("x  notin\t\t\t(abc,def)", "x notin (abc,def)"),
        ("x in (abc,def)", "x in (abc,def)"),
        ("x in (abc,)", "x in (,abc)"),
        ("x in ()", "x in ()"),
        (
            "x notin (abc,,def),bar,z in (),w",
            "bar,w,x notin (,abc,def),z in ()",
        ),
        ("x,y in (a)", "x,y in (a)"),
        ("x=a", "x=a"),
        ("x>1", "x>1"),
        ("x<7", "x<7"),
        ("x=a,y!=b", "x=a,y!=b"),
        ("x=a,y!=b,z in (h,i,j)", "x=a,y!=b,z in (h,i,j)"),
        (
            "x=a||y=b",
            "error: unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
        ("x,,y", "error: found ',', expected: identifier after ','"),
        (
            ",x,y",
            "error: found ',', expected: !, identifier, or 'end of string'",
        ),
        (
            "x nott in (y)",
            "error: unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
        ),
        ("x notin ( )", "x notin ()"),
        ("x notin (, a)", "x notin (,a)"),
        (
            "a in (xyz),",
            "error: found '', expected: identifier after ','",
        ),
        (
            "a in (xyz)b notin ()",
            "error: found 'b', expected: ',' or 'end of string'",
        ),
        ("a ", "a"),
        ("a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"),
        (
            "a in (xyz abc)",
            "error: unable to parse requirement: found 'abc', expected: ',' or ')'",
        ),
        (
            "a notin(",
            "error: unable to parse requirement: found '', expected: ',', ')' or identifier",
        ),
        (
            "a (",
            "error: unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
        ),
        (
            "(",
            "error: found '(', expected: !, identifier, or 'end of string'",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(check(text), expected, "{text:?}");
    }
}

#[test]
fn kubectl_selectors_from_the_docs() {
    // The selectors of the docs' "Labels and Selectors" page.
    assert_eq!(
        check("environment in (production, qa)"),
        "environment in (production,qa)"
    );
    assert_eq!(
        check("tier notin (frontend, backend)"),
        "tier notin (backend,frontend)"
    );
    assert_eq!(
        check("environment=production,tier!=frontend"),
        "environment=production,tier!=frontend"
    );
    assert_eq!(check("partition"), "partition");
    assert!(matches(
        "environment in (production),tier in (frontend)",
        &[("environment", "production"), ("tier", "frontend")]
    ));
    assert_eq!(
        check("replicas>two"),
        "error: unable to parse requirement: values[0]: Invalid value: \"two\": for 'Gt', 'Lt' operators, the value must be an integer"
    );
    assert_eq!(
        check("-bad=x"),
        "error: unable to parse requirement: <nil>: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    );
    assert!(parse(&"a".repeat(5000)).is_err());
}
