//! Upstream's name and value checks (k8s.io/apimachinery/pkg/util/validation): each returns the
//! list of messages upstream returns, empty when the value is fine.

const DNS1123_LABEL_MESSAGE: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MESSAGE: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QUALIFIED_NAME_MESSAGE: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MESSAGE: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const CONFIG_KEY_MESSAGE: &str = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/// `must be no more than N characters`.
fn max_len(length: usize) -> String {
    format!("must be no more than {length} characters")
}

/// `must be between LO and HI, inclusive`.
pub fn inclusive_range(low: i64, high: i64) -> String {
    format!("must be between {low} and {high}, inclusive")
}

/// True when `value` matches `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
fn is_label_shaped(value: &str) -> bool {
    let bytes = value.as_bytes();
    let alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            alnum(first) && alnum(last) && bytes.iter().all(|b| alnum(b) || *b == b'-')
        }
        _ => false,
    }
}

/// True when `value` matches the DNS-1123 subdomain pattern (labels joined by dots).
fn is_subdomain_shaped(value: &str) -> bool {
    value.split('.').all(is_label_shaped)
}

/// `IsDNS1123Label`: container, volume and port-less names.
pub fn is_dns1123_label(value: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if value.len() > 63 {
        errors.push(max_len(63));
    }
    if !is_label_shaped(value) {
        if is_subdomain_shaped(value) {
            errors.push("must not contain dots".to_owned());
        } else {
            errors.push(DNS1123_LABEL_MESSAGE.to_owned());
        }
    }
    errors
}

/// `IsDNS1123Subdomain`: Pod names, node names, service account names.
pub fn is_dns1123_subdomain(value: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if value.len() > 253 {
        errors.push(max_len(253));
    }
    if !is_subdomain_shaped(value) {
        errors.push(DNS1123_SUBDOMAIN_MESSAGE.to_owned());
    }
    errors
}

/// True when `value` matches `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
fn is_qualified_name_shaped(value: &str) -> bool {
    let bytes = value.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        }
        _ => false,
    }
}

/// `IsQualifiedName`: label keys, annotation keys, resource names (`example.com/MyName`).
pub fn is_qualified_name(value: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let parts: Vec<&str> = value.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                errors.push("prefix part must be non-empty".to_owned());
            } else {
                for message in is_dns1123_subdomain(prefix) {
                    errors.push(format!("prefix part {message}"));
                }
            }
            *name
        }
        _ => {
            errors.push(format!(
                "a qualified name {QUALIFIED_NAME_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            ));
            return errors;
        }
    };
    if name.is_empty() {
        errors.push("name part must be non-empty".to_owned());
    } else if name.len() > 63 {
        errors.push(format!("name part {}", max_len(63)));
    }
    if !is_qualified_name_shaped(name) {
        errors.push(format!("name part {QUALIFIED_NAME_MESSAGE}"));
    }
    errors
}

/// `IsValidLabelValue`.
pub fn is_valid_label_value(value: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if value.len() > 63 {
        errors.push(max_len(63));
    }
    if !value.is_empty() && !is_qualified_name_shaped(value) {
        errors.push(LABEL_VALUE_MESSAGE.to_owned());
    }
    errors
}

/// `IsValidPortNum`.
pub fn is_valid_port_num(port: i64) -> Vec<String> {
    if (1..=65535).contains(&port) {
        Vec::new()
    } else {
        vec![inclusive_range(1, 65535)]
    }
}

/// `IsValidPortName`: an IANA service name.
pub fn is_valid_port_name(port: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if port.len() > 15 {
        errors.push(max_len(15));
    }
    if port.is_empty()
        || !port
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        errors.push(
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)".to_owned(),
        );
    }
    if !port.bytes().any(|b| b.is_ascii_lowercase()) {
        errors.push("must contain at least one letter (a-z)".to_owned());
    }
    if port.contains("--") {
        errors.push("must not contain consecutive hyphens".to_owned());
    }
    if port.starts_with('-') || port.ends_with('-') {
        errors.push("must not begin or end with a hyphen".to_owned());
    }
    errors
}

/// `IsValidUserID` and `IsValidGroupID`.
pub fn is_valid_id(id: i64) -> Vec<String> {
    if (0..=i64::from(i32::MAX)).contains(&id) {
        Vec::new()
    } else {
        vec![inclusive_range(0, i64::from(i32::MAX))]
    }
}

/// `IsRelaxedEnvVarName` (the rule since v1.32): printable ASCII other than `=`.
pub fn is_env_var_name(value: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if value.is_empty() {
        errors.push("environment variable name must be non-empty".to_owned());
    }
    if value
        .chars()
        .any(|c| !c.is_ascii() || c.is_ascii_control() || c == '=')
    {
        errors.push(
            "a valid environment variable name must consist only of printable ASCII characters other than '='"
                .to_owned(),
        );
    }
    errors
}

/// `IsConfigMapKey`: keys of ConfigMaps and Secrets.
pub fn is_config_map_key(value: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if value.len() > 253 {
        errors.push(max_len(253));
    }
    if value.is_empty()
        || !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        errors.push(CONFIG_KEY_MESSAGE.to_owned());
    }
    if value == "." {
        errors.push("must not be '.'".to_owned());
    } else if value == ".." {
        errors.push("must not be '..'".to_owned());
    } else if value.starts_with("..") {
        errors.push("must not start with '..'".to_owned());
    }
    errors
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    /// Runs `rule` over `inputs` and prints each input with its messages.
    fn check(rule: fn(&str) -> Vec<String>, inputs: &[&str], expected: Expect) {
        let mut out = String::new();
        for input in inputs {
            out.push_str(&format!("{input:?}: {:?}\n", rule(input)));
        }
        expected.assert_eq(&out);
    }

    /// Upstream: TestIsDNS1123Label (util/validation/validation_test.go).
    #[test]
    fn dns1123_labels() {
        check(
            is_dns1123_label,
            &[
                "a",
                "ab",
                "abc",
                "a1",
                "a-1",
                "a--1--2--b",
                "0",
                "01",
                "1-0",
                "",
                "A",
                "ABC",
                "aBc",
                "a.b",
                "-a",
                "a-",
                "a_b",
                &"a".repeat(64),
            ],
            expect![[r#"
                "a": []
                "ab": []
                "abc": []
                "a1": []
                "a-1": []
                "a--1--2--b": []
                "0": []
                "01": []
                "1-0": []
                "": ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
                "A": ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
                "ABC": ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
                "aBc": ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
                "a.b": ["must not contain dots"]
                "-a": ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
                "a-": ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
                "a_b": ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": ["must be no more than 63 characters"]
            "#]],
        );
    }

    /// Upstream: TestIsDNS1123Subdomain.
    #[test]
    fn dns1123_subdomains() {
        check(
            is_dns1123_subdomain,
            &[
                "a",
                "a.b.c.d.e",
                "aaa.bbb.ccc",
                "a-1.b",
                "0.a",
                "",
                "A",
                "a..b",
                ".a",
                "a.",
                "a_b",
                "-a.b",
            ],
            expect![[r#"
                "a": []
                "a.b.c.d.e": []
                "aaa.bbb.ccc": []
                "a-1.b": []
                "0.a": []
                "": ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                "A": ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                "a..b": ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                ".a": ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                "a.": ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                "a_b": ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                "-a.b": ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
            "#]],
        );
    }

    /// Upstream: TestIsQualifiedName.
    #[test]
    fn qualified_names() {
        check(
            is_qualified_name,
            &[
                "simple",
                "now-with-dashes",
                "1-starts-with-num",
                "1234",
                "simple/simple",
                "now-with-dashes/simple",
                "1-num.2-num/3-num",
                "example.com/Uppercase_And.Dots-ok",
                "nospecialchars%^=@",
                "cantendwithadash-",
                "-cantstartwithadash-",
                "only/one/slash",
                "Example.com/abc",
                "example_com/abc",
                "example.com/",
                "/simple",
                &"a".repeat(64),
            ],
            expect![[r#"
                "simple": []
                "now-with-dashes": []
                "1-starts-with-num": []
                "1234": []
                "simple/simple": []
                "now-with-dashes/simple": []
                "1-num.2-num/3-num": []
                "example.com/Uppercase_And.Dots-ok": []
                "nospecialchars%^=@": ["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]
                "cantendwithadash-": ["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]
                "-cantstartwithadash-": ["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]
                "only/one/slash": ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
                "Example.com/abc": ["prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                "example_com/abc": ["prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
                "example.com/": ["name part must be non-empty", "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]
                "/simple": ["prefix part must be non-empty"]
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": ["name part must be no more than 63 characters"]
            "#]],
        );
    }

    /// Upstream: TestIsValidLabelValue.
    #[test]
    fn label_values() {
        check(
            is_valid_label_value,
            &[
                "simple",
                "now-with-dashes",
                "1-starts-with-num",
                "end-with-num-1",
                "1234",
                "",
                "nospecialchars%^=@",
                "Tama-nui-te-rā.is_Māori.living_god",
                "cantendwithadash-",
                "-cantstartwithadash",
            ],
            expect![[r#"
                "simple": []
                "now-with-dashes": []
                "1-starts-with-num": []
                "end-with-num-1": []
                "1234": []
                "": []
                "nospecialchars%^=@": ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]
                "Tama-nui-te-rā.is_Māori.living_god": ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]
                "cantendwithadash-": ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]
                "-cantstartwithadash": ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]
            "#]],
        );
    }

    /// Upstream: TestIsValidPortName.
    #[test]
    fn port_names() {
        check(
            is_valid_port_name,
            &[
                "telnet",
                "re-mail-ck",
                "pop3",
                "a",
                "a-1",
                "1-a",
                "a-1-b-2-c",
                "1-a-2-b-3",
                "longerthan15characters",
                "",
                "12345",
                "1-2-3-4",
                "-begin",
                "end-",
                "two--hyphens",
                "whois++",
            ],
            expect![[r#"
                "telnet": []
                "re-mail-ck": []
                "pop3": []
                "a": []
                "a-1": []
                "1-a": []
                "a-1-b-2-c": []
                "1-a-2-b-3": []
                "longerthan15characters": ["must be no more than 15 characters"]
                "": ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]
                "12345": ["must contain at least one letter (a-z)"]
                "1-2-3-4": ["must contain at least one letter (a-z)"]
                "-begin": ["must not begin or end with a hyphen"]
                "end-": ["must not begin or end with a hyphen"]
                "two--hyphens": ["must not contain consecutive hyphens"]
                "whois++": ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"]
            "#]],
        );
    }

    #[test]
    fn env_var_names_and_config_keys() {
        check(
            is_env_var_name,
            &["PATH", "my.var-1", "1ok", "a=b", "tab\there", "é"],
            expect![[r#"
            "PATH": []
            "my.var-1": []
            "1ok": []
            "a=b": ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
            "tab\there": ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
            "é": ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
        "#]],
        );
        check(
            is_config_map_key,
            &["key.name", "KEY_NAME", "a/b", ".", "..", "..a"],
            expect![[r#"
            "key.name": []
            "KEY_NAME": []
            "a/b": ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]
            ".": ["must not be '.'"]
            "..": ["must not be '..'"]
            "..a": ["must not start with '..'"]
        "#]],
        );
    }
}
