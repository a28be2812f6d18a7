//! Container image references (`registry.example.com:5000/team/app:v2@sha256:…`), parsed as
//! Kubernetes' `parsers.ParseImageName` does through the docker reference grammar.

/// A parsed image reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRef<'a> {
    /// Everything before the tag and digest: `registry.example.com:5000/team/app`.
    pub name: &'a str,
    /// The tag, if written: `v2`.
    pub tag: Option<&'a str>,
    /// The digest, if written: `sha256:…`.
    pub digest: Option<&'a str>,
}

impl<'a> ImageRef<'a> {
    /// Parses `image`, or `None` when it is not a valid reference (upper-case repository names,
    /// empty text, stray characters).
    pub fn parse(image: &'a str) -> Option<ImageRef<'a>> {
        let (rest, digest) = match image.split_once('@') {
            Some((rest, digest)) => (rest, Some(digest)),
            None => (image, None),
        };
        if let Some(digest) = digest {
            let (algorithm, hex) = digest.split_once(':')?;
            let valid = !algorithm.is_empty()
                && algorithm
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"+._-".contains(&b))
                && hex.len() >= 32
                && hex.bytes().all(|b| b.is_ascii_hexdigit());
            if !valid {
                return None;
            }
        }
        // A tag follows the last ':' after the last '/' (an earlier ':' is a registry port).
        let last_slash = rest.rfind('/').map_or(0, |at| at + 1);
        let (name, tag) = match rest[last_slash..].rfind(':') {
            Some(at) => (&rest[..last_slash + at], Some(&rest[last_slash + at + 1..])),
            None => (rest, None),
        };
        if let Some(tag) = tag {
            let valid = (1..=128).contains(&tag.len())
                && tag
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                && tag
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
            if !valid {
                return None;
            }
        }
        valid_name(name).then_some(ImageRef { name, tag, digest })
    }

    /// The reference as the container runtime resolves it: `nginx:1.27` is
    /// `docker.io/library/nginx:1.27`, and a bare name gets the tag `latest`.
    pub fn fully_qualified(&self) -> String {
        let name = self.qualified_name();
        let tag = self
            .effective_tag()
            .map(|tag| format!(":{tag}"))
            .unwrap_or_default();
        let digest = self
            .digest
            .map(|digest| format!("@{digest}"))
            .unwrap_or_default();
        format!("{name}{tag}{digest}")
    }

    /// The name with its registry: `nginx` is `docker.io/library/nginx`.
    pub fn qualified_name(&self) -> String {
        let first = self.name.split('/').next().unwrap_or_default();
        let has_domain = self.name.contains('/')
            && (first.contains('.') || first.contains(':') || first == "localhost");
        if has_domain {
            self.name.to_owned()
        } else if self.name.contains('/') {
            format!("docker.io/{}", self.name)
        } else {
            format!("docker.io/library/{}", self.name)
        }
    }

    /// The image's ID as the kubelet reports it (`imageID`): the qualified name and the digest —
    /// the one written, or a made-up stable one, since the playground pulls nothing.
    pub fn image_id(&self) -> String {
        let digest = self.digest.map_or_else(
            || {
                let reference = self.fully_qualified();
                let hex: String = (0u8..4)
                    .map(|round| {
                        let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(round);
                        for byte in reference.bytes() {
                            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
                        }
                        format!("{hash:016x}")
                    })
                    .collect();
                format!("sha256:{hex}")
            },
            str::to_owned,
        );
        format!("{}@{digest}", self.qualified_name())
    }

    /// The repository's last path component: `app` for `registry.example.com/team/app:v2`.
    pub fn repository(&self) -> &'a str {
        self.name.rsplit('/').next().unwrap_or(self.name)
    }

    /// The tag Kubernetes assumes: the one written, or `latest` when neither a tag nor a digest
    /// is.
    pub fn effective_tag(&self) -> Option<&'a str> {
        match (self.tag, self.digest) {
            (Some(tag), _) => Some(tag),
            (None, None) => Some("latest"),
            (None, Some(_)) => None,
        }
    }
}

/// The docker reference grammar for names: an optional domain (with `.` or `:`, or `localhost`),
/// then lower-case path components of alphanumerics joined by `.`, `_`, `__` or `-`.
fn valid_name(name: &str) -> bool {
    if name.is_empty() || name.len() > 255 {
        return false;
    }
    let mut components = name.split('/').peekable();
    let first = components.peek().copied().unwrap_or_default();
    let has_domain = name.contains('/') && (first.contains(['.', ':']) || first == "localhost");
    if has_domain {
        components.next();
        let (host, port) = match first.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (first, None),
        };
        let host_ok = !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !label.starts_with('-')
                    && !label.ends_with('-')
            });
        let port_ok =
            port.is_none_or(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
        if !host_ok || !port_ok {
            return false;
        }
    }
    let mut any = false;
    for component in components {
        any = true;
        let bytes = component.as_bytes();
        let alnum = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
        let ends_ok = bytes.first().is_some_and(alnum) && bytes.last().is_some_and(alnum);
        let chars_ok = bytes.iter().all(|b| alnum(b) || b"._-".contains(b));
        let separators_ok = !component.contains("..")
            && !component.contains("___")
            && !component.contains(".-")
            && !component.contains("-.");
        if !(ends_ok && chars_ok && separators_ok) {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;

    fn check(images: &[&str], expected: Expect) {
        let out: String = images
            .iter()
            .map(|image| match ImageRef::parse(image) {
                Some(parsed) => format!(
                    "{image:?} → name {} tag {:?} digest {:?} repository {} = {}\n",
                    parsed.name,
                    parsed.tag,
                    parsed.digest.map(|d| &d[..10]),
                    parsed.repository(),
                    parsed.fully_qualified()
                ),
                None => format!("{image:?} → invalid\n"),
            })
            .collect();
        expected.assert_eq(&out);
    }

    #[test]
    fn references() {
        check(
            &[
                "nginx",
                "nginx:1.27",
                "docker.io/library/postgres:16",
                "registry.example.com:5000/team/app",
                "registry.example.com:5000/team/app:v2",
                "localhost/app:dev",
                "bitnami/redis:7.2",
                "nginx@sha256:0123456789abcdef0123456789abcdef",
                "Nginx",
                "",
                "nginx:",
                "nginx: 1.27",
                "a//b",
            ],
            expect![[r#"
                "nginx" → name nginx tag None digest None repository nginx = docker.io/library/nginx:latest
                "nginx:1.27" → name nginx tag Some("1.27") digest None repository nginx = docker.io/library/nginx:1.27
                "docker.io/library/postgres:16" → name docker.io/library/postgres tag Some("16") digest None repository postgres = docker.io/library/postgres:16
                "registry.example.com:5000/team/app" → name registry.example.com:5000/team/app tag None digest None repository app = registry.example.com:5000/team/app:latest
                "registry.example.com:5000/team/app:v2" → name registry.example.com:5000/team/app tag Some("v2") digest None repository app = registry.example.com:5000/team/app:v2
                "localhost/app:dev" → name localhost/app tag Some("dev") digest None repository app = localhost/app:dev
                "bitnami/redis:7.2" → name bitnami/redis tag Some("7.2") digest None repository redis = docker.io/bitnami/redis:7.2
                "nginx@sha256:0123456789abcdef0123456789abcdef" → name nginx tag None digest Some("sha256:012") repository nginx = docker.io/library/nginx@sha256:0123456789abcdef0123456789abcdef
                "Nginx" → invalid
                "" → invalid
                "nginx:" → invalid
                "nginx: 1.27" → invalid
                "a//b" → invalid
            "#]],
        );
    }
}
