//! Well-known container images: what each runs when the manifest gives no command, the ports it
//! listens on, what it logs at start, how much memory it uses, and how it behaves. The
//! simulator runs a container from this table, or from its `command`/`args` through `shell`.
//! An image not in the table is run as a long-running process, with a note saying so.

use crate::api::image_ref::ImageRef;

/// How a program of an image behaves when it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Runs until stopped, serving HTTP with status 200 on its ports.
    Server,
    /// An interactive shell: with no terminal attached it reads end-of-file and exits 0 at once
    /// (so a bare `busybox` Pod completes, and with `restartPolicy: Always` crash-loops).
    ShellWithoutInput,
    /// Does nothing, forever (`pause`).
    Sleeps,
    /// Exits with an error unless the environment defines one of these variables (databases
    /// that need a password).
    NeedsEnv {
        /// Any of these variables lets it start.
        any_of: &'static [&'static str],
        /// What it logs before exiting 1.
        error: &'static str,
    },
    /// `registry.k8s.io/liveness`: `/healthz` answers 200 for the first 10 seconds, then 500.
    HealthyForTenSeconds,
    /// `polinux/stress` and its kin: uses the memory given by `--vm-bytes` (and CPU by `--cpu`).
    Stress,
    /// Prints its output and exits 0 (`hello-world`).
    PrintsAndExits,
}

/// What the playground knows about an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageProfile {
    /// The repository names it matches (last path component), such as `nginx`.
    pub repositories: &'static [&'static str],
    /// The entrypoint and command together, as `docker inspect` shows them.
    pub default_command: &'static [&'static str],
    /// Ports it listens on by default.
    pub ports: &'static [u16],
    /// Log lines at start (with `{port}` for its first port).
    pub startup_logs: &'static [&'static str],
    /// Memory it uses once started, in bytes.
    pub memory_bytes: u64,
    /// How it behaves.
    pub behaviour: Behaviour,
}

const MIB: u64 = 1024 * 1024;

/// The table.
pub const PROFILES: &[ImageProfile] = &[
    ImageProfile {
        repositories: &["nginx"],
        default_command: &["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"],
        ports: &[80],
        startup_logs: &[
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
        ],
        memory_bytes: 8 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["nginx-unprivileged"],
        default_command: &["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"],
        ports: &[8080],
        startup_logs: &[
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
        ],
        memory_bytes: 8 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["httpd"],
        default_command: &["httpd-foreground"],
        ports: &[80],
        startup_logs: &["AH00094: Command line: 'httpd -D FOREGROUND'"],
        memory_bytes: 10 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["busybox", "alpine"],
        default_command: &["sh"],
        ports: &[],
        startup_logs: &[],
        memory_bytes: MIB,
        behaviour: Behaviour::ShellWithoutInput,
    },
    ImageProfile {
        repositories: &["ubuntu", "debian", "centos", "fedora"],
        default_command: &["bash"],
        ports: &[],
        startup_logs: &[],
        memory_bytes: 2 * MIB,
        behaviour: Behaviour::ShellWithoutInput,
    },
    ImageProfile {
        repositories: &["redis"],
        default_command: &["docker-entrypoint.sh", "redis-server"],
        ports: &[6379],
        startup_logs: &[
            "1:C 01 Jan 2026 00:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
            "1:M 01 Jan 2026 00:00:00.001 * Server initialized",
            "1:M 01 Jan 2026 00:00:00.001 * Ready to accept connections tcp",
        ],
        memory_bytes: 4 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["postgres", "postgresql"],
        default_command: &["docker-entrypoint.sh", "postgres"],
        ports: &[5432],
        startup_logs: &["LOG:  database system is ready to accept connections"],
        memory_bytes: 40 * MIB,
        behaviour: Behaviour::NeedsEnv {
            any_of: &["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"],
            error: "Error: Database is uninitialized and superuser password is not specified.",
        },
    },
    ImageProfile {
        repositories: &["mysql", "mariadb"],
        default_command: &["docker-entrypoint.sh", "mysqld"],
        ports: &[3306],
        startup_logs: &["[Server] /usr/sbin/mysqld: ready for connections. Port: 3306"],
        memory_bytes: 360 * MIB,
        behaviour: Behaviour::NeedsEnv {
            any_of: &[
                "MYSQL_ROOT_PASSWORD",
                "MYSQL_ALLOW_EMPTY_PASSWORD",
                "MYSQL_RANDOM_ROOT_PASSWORD",
                "MARIADB_ROOT_PASSWORD",
            ],
            error: "error: database is uninitialized and password option is not specified",
        },
    },
    ImageProfile {
        repositories: &["fluentd"],
        default_command: &["tini", "--", "/bin/entrypoint.sh", "fluentd"],
        ports: &[24224],
        startup_logs: &[
            "[info]: starting fluentd-1.16.2 pid=7 ruby=\"3.1.4\"",
            "[info]: fluentd worker is now running worker=0",
        ],
        memory_bytes: 60 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["fluent-bit"],
        default_command: &[
            "/fluent-bit/bin/fluent-bit",
            "-c",
            "/fluent-bit/etc/fluent-bit.conf",
        ],
        ports: &[2020],
        startup_logs: &[
            "[info] [fluent bit] version=3.0.0",
            "[info] [sp] stream processor started",
        ],
        memory_bytes: 10 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["envoy"],
        default_command: &[
            "/docker-entrypoint.sh",
            "envoy",
            "-c",
            "/etc/envoy/envoy.yaml",
        ],
        ports: &[10000, 9901],
        startup_logs: &["[info][main] starting main dispatch loop"],
        memory_bytes: 30 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &[
            "node-exporter",
            "nginx-prometheus-exporter",
            "redis_exporter",
            "statsd-exporter",
            "blackbox-exporter",
        ],
        default_command: &["/bin/exporter"],
        ports: &[9100],
        startup_logs: &["msg=\"Listening on\" address=[::]:{port}"],
        memory_bytes: 12 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["stress", "stress-ng"],
        default_command: &["stress"],
        ports: &[],
        startup_logs: &["stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd"],
        memory_bytes: MIB,
        behaviour: Behaviour::Stress,
    },
    ImageProfile {
        repositories: &["liveness"],
        default_command: &["/server"],
        ports: &[8080],
        startup_logs: &[],
        memory_bytes: 2 * MIB,
        behaviour: Behaviour::HealthyForTenSeconds,
    },
    ImageProfile {
        repositories: &["agnhost"],
        default_command: &["/agnhost", "pause"],
        ports: &[],
        startup_logs: &[],
        memory_bytes: 2 * MIB,
        behaviour: Behaviour::Sleeps,
    },
    ImageProfile {
        repositories: &["pause"],
        default_command: &["/pause"],
        ports: &[],
        startup_logs: &[],
        memory_bytes: MIB / 2,
        behaviour: Behaviour::Sleeps,
    },
    ImageProfile {
        repositories: &["vault"],
        default_command: &["docker-entrypoint.sh", "server", "-dev"],
        ports: &[8200],
        startup_logs: &["==> Vault server started! Log data will stream in below:"],
        memory_bytes: 50 * MIB,
        behaviour: Behaviour::Server,
    },
    ImageProfile {
        repositories: &["hello-world"],
        default_command: &["/hello"],
        ports: &[],
        startup_logs: &[
            "Hello from Docker!",
            "This message shows that your installation appears to be working correctly.",
        ],
        memory_bytes: MIB / 4,
        behaviour: Behaviour::PrintsAndExits,
    },
];

/// The HTTP status a server image answers `path` with: web servers serve their default page at
/// `/` only (so a probe of `/healthz` on plain nginx gets 404); other servers answer 200.
pub fn http_status(profile: &ImageProfile, path: &str) -> u16 {
    let web_server = profile
        .repositories
        .iter()
        .any(|r| matches!(*r, "nginx" | "nginx-unprivileged" | "httpd"));
    if web_server && !matches!(path, "/" | "/index.html") {
        404
    } else {
        200
    }
}

/// nginx's html directory, where its default server reads `index.html`.
pub const NGINX_HTML: &str = "/usr/share/nginx/html";

/// The page the nginx image serves at `/` from its own html directory.
pub const NGINX_WELCOME: &str = "<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href=\"http://nginx.org/\">nginx.org</a>.<br/>
Commercial support is available at
<a href=\"http://nginx.com/\">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
";

/// nginx's error page, `50x.html` in its html directory (html/50x.html of nginx's source).
pub const NGINX_50X: &str = "<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
";

/// The files the playground knows `image` to hold: nginx's html directory (its welcome page
/// and its error page), and `/etc/os-release` of an image whose tag names its Debian release
/// (`debian:12`, `debian:bullseye-slim`, `nginx:1.27`: nginx 1.26 and 1.27 are built on Debian
/// 12). A volume mounted over one of their directories hides them.
pub fn image_files(image: &str) -> Vec<(String, &'static str)> {
    let Some(reference) = ImageRef::parse(image) else {
        return Vec::new();
    };
    let repository = reference.repository();
    let mut files = Vec::new();
    if matches!(repository, "nginx" | "nginx-unprivileged") {
        files.push((format!("{NGINX_HTML}/50x.html"), NGINX_50X));
        files.push((format!("{NGINX_HTML}/index.html"), NGINX_WELCOME));
    }
    if let Some(release) = debian_release(repository, reference.effective_tag().unwrap_or("")) {
        files.push(("/etc/os-release".to_owned(), release));
        files.push(("/usr/lib/os-release".to_owned(), release));
    }
    files
}

/// Debian 12's `/usr/lib/os-release`.
const BOOKWORM: &str = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n";

/// Debian 11's `/usr/lib/os-release`.
const BULLSEYE: &str = "PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"11\"\nVERSION=\"11 (bullseye)\"\nVERSION_CODENAME=bullseye\nID=debian\nHOME_URL=\"https://www.debian.org/\"\nSUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n";

/// The `os-release` of an image of `repository` at `tag` when its tag names its Debian release:
/// `debian` by number or code name (`12`, `12.8`, `bookworm-slim`), nginx's 1.26 and 1.27
/// (`1.27`, `1.27.3`, `1.27-bookworm`; not the Alpine ones). `latest` moves from release to
/// release, so it names none.
fn debian_release(repository: &str, tag: &str) -> Option<&'static str> {
    let first = tag.split(['.', '-']).next().unwrap_or("");
    let slim = |rest: &str| rest.is_empty() || rest == "-slim";
    match repository {
        "debian" => match first {
            "12" | "bookworm" if slim(tag.trim_start_matches(|c: char| c != '-')) => Some(BOOKWORM),
            "11" | "bullseye" if slim(tag.trim_start_matches(|c: char| c != '-')) => Some(BULLSEYE),
            _ => None,
        },
        "nginx" => {
            let minor = tag.split('-').next().unwrap_or("");
            let release = ["1.26", "1.27"]
                .iter()
                .any(|version| minor == *version || minor.starts_with(&format!("{version}.")));
            (release && !tag.contains("alpine")).then_some(BOOKWORM)
        }
        _ => None,
    }
}

/// What the server of `image` answers at `/`, when the playground knows: nginx serves
/// `index.html` from its html directory as the container's `files` have it (the image's
/// welcome page, or what a volume over the directory holds), and its 403 page when there is no
/// `index.html` (`nginx/VERSION` when the tag is a full version).
pub fn served_page(
    image: &str,
    files: &std::collections::BTreeMap<String, String>,
) -> Option<String> {
    let reference = ImageRef::parse(image)?;
    if !matches!(reference.repository(), "nginx" | "nginx-unprivileged") {
        return None;
    }
    if let Some(page) = files.get(&format!("{NGINX_HTML}/index.html")) {
        return Some(page.clone());
    }
    let tag = image.rsplit_once(':').map_or("", |(_, tag)| tag);
    let full_version = tag.split('.').count() == 3
        && tag
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    let server = if full_version {
        format!("nginx/{tag}")
    } else {
        "nginx".to_owned()
    };
    Some(format!(
        "<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n<hr><center>{server}</center>\n</body>\n</html>\n"
    ))
}

/// What agnhost (registry.k8s.io/e2e-test-images/agnhost), whose first argument picks its
/// program, does: `liveness` fails `/healthz` after 10 s, `netexec` and `serve-hostname` serve.
pub fn agnhost(subcommand: &str) -> Option<&'static ImageProfile> {
    const LIVENESS: ImageProfile = ImageProfile {
        repositories: &["agnhost"],
        default_command: &["/agnhost", "liveness"],
        ports: &[8080],
        startup_logs: &[],
        memory_bytes: 2 * MIB,
        behaviour: Behaviour::HealthyForTenSeconds,
    };
    const NETEXEC: ImageProfile = ImageProfile {
        repositories: &["agnhost"],
        default_command: &["/agnhost", "netexec"],
        ports: &[8080, 8081],
        startup_logs: &[
            "Started HTTP server on port 8080",
            "Started UDP server on port  8081",
        ],
        memory_bytes: 4 * MIB,
        behaviour: Behaviour::Server,
    };
    const SERVE_HOSTNAME: ImageProfile = ImageProfile {
        repositories: &["agnhost"],
        default_command: &["/agnhost", "serve-hostname"],
        ports: &[9376],
        startup_logs: &["Serving on port 9376."],
        memory_bytes: 2 * MIB,
        behaviour: Behaviour::Server,
    };
    match subcommand {
        "liveness" => Some(&LIVENESS),
        "netexec" => Some(&NETEXEC),
        "serve-hostname" => Some(&SERVE_HOSTNAME),
        "pause" => profile("registry.k8s.io/pause"),
        _ => None,
    }
}

/// What the table knows about `image`, if anything: matched by the repository's last path
/// component (`docker.io/library/nginx:1.27` is `nginx`).
pub fn profile(image: &str) -> Option<&'static ImageProfile> {
    let repository = ImageRef::parse(image)?.repository();
    PROFILES
        .iter()
        .find(|profile| profile.repositories.contains(&repository))
}

/// The CPU a stress program keeps busy, in millicores: `stress --cpu N` (polinux/stress) or
/// `stress -cpus N` (vish/stress, the docs' CPU example), a core per worker.
pub fn stress_cpu_millis(args: &[String]) -> Option<u64> {
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = match arg.as_str() {
            "--cpu" | "-c" | "-cpus" | "--cpus" => rest.next()?.as_str(),
            other => match other
                .strip_prefix("--cpu=")
                .or_else(|| other.strip_prefix("-cpus="))
            {
                Some(value) => value,
                None => continue,
            },
        };
        return value.parse::<u64>().ok()?.checked_mul(1000);
    }
    None
}

/// The memory `stress --vm-bytes SIZE` (or `--vm-bytes=SIZE`) uses, in bytes; sizes take
/// `B`, `K`, `M` or `G` suffixes, as stress's own parser does.
pub fn stress_memory_bytes(args: &[String]) -> Option<u64> {
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = if arg == "--vm-bytes" {
            rest.next()?.as_str()
        } else if let Some(value) = arg.strip_prefix("--vm-bytes=") {
            value
        } else {
            continue;
        };
        let (number, unit) = match value.char_indices().last() {
            Some((at, c)) if c.is_ascii_alphabetic() => (&value[..at], c.to_ascii_uppercase()),
            _ => (value, 'B'),
        };
        let number: u64 = number.parse().ok()?;
        let factor = match unit {
            'B' => 1,
            'K' => 1024,
            'M' => MIB,
            'G' => 1024 * MIB,
            _ => return None,
        };
        return number.checked_mul(factor);
    }
    None
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    /// Which images have a known `/etc/os-release`: those whose tag names the Debian release.
    #[test]
    fn debian_releases_by_tag() {
        let images = [
            "debian:12",
            "debian:12.8-slim",
            "debian:bookworm-slim",
            "debian:bullseye",
            "debian:11-slim",
            "debian",
            "debian:trixie",
            "nginx:1.27",
            "nginx:1.26.2-bookworm",
            "nginx:1.27-perl",
            "nginx:1.27-alpine",
            "nginx:1.260",
            "nginx",
            "busybox:1.36",
        ];
        let out: String = images
            .iter()
            .map(|image| {
                let release = image_files(image)
                    .into_iter()
                    .find(|(path, _)| path == "/etc/os-release")
                    .and_then(|(_, text)| text.lines().next())
                    .unwrap_or("-");
                format!("{image}: {release}\n")
            })
            .collect();
        expect![[r#"
            debian:12: PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            debian:12.8-slim: PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            debian:bookworm-slim: PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            debian:bullseye: PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"
            debian:11-slim: PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"
            debian: -
            debian:trixie: -
            nginx:1.27: PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            nginx:1.26.2-bookworm: PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            nginx:1.27-perl: PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            nginx:1.27-alpine: -
            nginx:1.260: -
            nginx: -
            busybox:1.36: -
        "#]]
        .assert_eq(&out);
    }

    #[test]
    fn images_are_found_by_repository() {
        let images = [
            "nginx",
            "nginx:1.27",
            "docker.io/library/postgres:16",
            "registry.k8s.io/liveness",
            "registry.k8s.io/e2e-test-images/agnhost:2.40",
            "polinux/stress",
            "fluent/fluent-bit:3.0",
            "my-app:latest",
            "Invalid Image",
        ];
        let out: String = images
            .iter()
            .map(|image| match profile(image) {
                Some(profile) => format!(
                    "{image} → {:?} {:?} ports {:?}\n",
                    profile.behaviour, profile.default_command, profile.ports
                ),
                None => format!("{image} → unknown\n"),
            })
            .collect();
        expect![[r#"
            nginx → Server ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"] ports [80]
            nginx:1.27 → Server ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"] ports [80]
            docker.io/library/postgres:16 → NeedsEnv { any_of: ["POSTGRES_PASSWORD", "POSTGRES_HOST_AUTH_METHOD"], error: "Error: Database is uninitialized and superuser password is not specified." } ["docker-entrypoint.sh", "postgres"] ports [5432]
            registry.k8s.io/liveness → HealthyForTenSeconds ["/server"] ports [8080]
            registry.k8s.io/e2e-test-images/agnhost:2.40 → Sleeps ["/agnhost", "pause"] ports []
            polinux/stress → Stress ["stress"] ports []
            fluent/fluent-bit:3.0 → Server ["/fluent-bit/bin/fluent-bit", "-c", "/fluent-bit/etc/fluent-bit.conf"] ports [2020]
            my-app:latest → unknown
            Invalid Image → unknown
        "#]].assert_eq(&out);
    }

    /// The docs' memory examples: stress with `--vm-bytes 150M` and `250M`.
    #[test]
    fn stress_uses_the_memory_it_is_told() {
        let args = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            stress_memory_bytes(&args("--vm 1 --vm-bytes 150M --vm-hang 1")),
            Some(150 * MIB)
        );
        assert_eq!(
            stress_memory_bytes(&args("--vm 1 --vm-bytes 250M --vm-hang 1")),
            Some(250 * MIB)
        );
        assert_eq!(
            stress_memory_bytes(&args("--vm-bytes=1G")),
            Some(1024 * MIB)
        );
        assert_eq!(stress_memory_bytes(&args("--cpu 2")), None);
    }
}
