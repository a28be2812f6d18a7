//! The environment variables that tell a container where the Services are
//! (pkg/kubelet/envvars/envvars.go `FromServices`): for each Service with a cluster IP,
//! `NAME_SERVICE_HOST`, `NAME_SERVICE_PORT` (its first port), `NAME_SERVICE_PORT_PORTNAME` for
//! each named port, and Docker's link variables (`NAME_PORT=tcp://IP:PORT`,
//! `NAME_PORT_PORT_TCP…`). Every container gets the `kubernetes` Service's
//! (`getServiceEnvVarMap`: the default namespace's API server Service, even without service
//! links); a container's own variable of the same name wins.

/// A Service as its variables need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceAddress<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its cluster IP (`None` or empty: a headless Service, which has no variables).
    pub cluster_ip: &'a str,
    /// Its ports: name (may be empty), port, protocol (empty for TCP).
    pub ports: &'a [(&'a str, u16, &'a str)],
}

/// The `kubernetes` Service of a kind or kubeadm cluster: the first address of the service
/// range, port 443 named `https`.
pub const KUBERNETES: ServiceAddress<'static> = ServiceAddress {
    name: "kubernetes",
    cluster_ip: "10.96.0.1",
    ports: &[("https", 443, "TCP")],
};

/// The variables of `services`, in upstream's order.
pub fn from_services(services: &[ServiceAddress<'_>]) -> Vec<(String, String)> {
    let mut result = Vec::new();
    for service in services {
        let ip = service.cluster_ip;
        let Some(first) = service.ports.first() else {
            continue;
        };
        if ip.is_empty() || ip == "None" {
            continue;
        }
        let prefix = variable_name(service.name);
        result.push((format!("{prefix}_SERVICE_HOST"), ip.to_owned()));
        result.push((format!("{prefix}_SERVICE_PORT"), first.1.to_string()));
        for (name, port, _) in service.ports {
            if !name.is_empty() {
                result.push((
                    format!("{prefix}_SERVICE_PORT_{}", variable_name(name)),
                    port.to_string(),
                ));
            }
        }
        for (index, (_, port, protocol)) in service.ports.iter().enumerate() {
            let protocol = if protocol.is_empty() { "TCP" } else { protocol };
            let lower = protocol.to_ascii_lowercase();
            let address = format!("{lower}://{}:{port}", host_port_host(ip));
            if index == 0 {
                result.push((format!("{prefix}_PORT"), address.clone()));
            }
            let port_prefix = format!("{prefix}_PORT_{port}_{}", protocol.to_ascii_uppercase());
            result.push((port_prefix.clone(), address));
            result.push((format!("{port_prefix}_PROTO"), lower));
            result.push((format!("{port_prefix}_PORT"), port.to_string()));
            result.push((format!("{port_prefix}_ADDR"), ip.to_owned()));
        }
    }
    result
}

/// An IP as `net.JoinHostPort` writes it before a port: an IPv6 address in brackets.
fn host_port_host(ip: &str) -> String {
    if ip.contains(':') {
        format!("[{ip}]")
    } else {
        ip.to_owned()
    }
}

/// A Service or port name as a variable name (`makeEnvVariableName`): upper case, `-` as `_`
/// (upstream leaves dots and leading digits as they are).
fn variable_name(name: &str) -> String {
    name.replace('-', "_").to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    fn check(services: &[ServiceAddress<'_>], expected: Expect) {
        let out: String = from_services(services)
            .iter()
            .map(|(name, value)| format!("{name}={value}\n"))
            .collect();
        expected.assert_eq(&out);
    }

    /// Upstream's TestFromServices (pkg/kubelet/envvars/envvars_test.go).
    #[test]
    fn upstream_from_services() {
        check(
            &[
                ServiceAddress {
                    name: "foo-bar",
                    cluster_ip: "1.2.3.4",
                    ports: &[("", 8080, "TCP")],
                },
                ServiceAddress {
                    name: "abc-123",
                    cluster_ip: "5.6.7.8",
                    ports: &[("u-d-p", 8081, "UDP"), ("t-c-p", 8081, "TCP")],
                },
                ServiceAddress {
                    name: "q-u-u-x",
                    cluster_ip: "9.8.7.6",
                    ports: &[("", 8082, "TCP"), ("8083", 8083, "TCP")],
                },
                ServiceAddress {
                    name: "svrc-clusterip-none",
                    cluster_ip: "None",
                    ports: &[("", 8082, "TCP")],
                },
                ServiceAddress {
                    name: "svrc-clusterip-empty",
                    cluster_ip: "",
                    ports: &[("", 8082, "TCP")],
                },
            ],
            expect![[r#"
                FOO_BAR_SERVICE_HOST=1.2.3.4
                FOO_BAR_SERVICE_PORT=8080
                FOO_BAR_PORT=tcp://1.2.3.4:8080
                FOO_BAR_PORT_8080_TCP=tcp://1.2.3.4:8080
                FOO_BAR_PORT_8080_TCP_PROTO=tcp
                FOO_BAR_PORT_8080_TCP_PORT=8080
                FOO_BAR_PORT_8080_TCP_ADDR=1.2.3.4
                ABC_123_SERVICE_HOST=5.6.7.8
                ABC_123_SERVICE_PORT=8081
                ABC_123_SERVICE_PORT_U_D_P=8081
                ABC_123_SERVICE_PORT_T_C_P=8081
                ABC_123_PORT=udp://5.6.7.8:8081
                ABC_123_PORT_8081_UDP=udp://5.6.7.8:8081
                ABC_123_PORT_8081_UDP_PROTO=udp
                ABC_123_PORT_8081_UDP_PORT=8081
                ABC_123_PORT_8081_UDP_ADDR=5.6.7.8
                ABC_123_PORT_8081_TCP=tcp://5.6.7.8:8081
                ABC_123_PORT_8081_TCP_PROTO=tcp
                ABC_123_PORT_8081_TCP_PORT=8081
                ABC_123_PORT_8081_TCP_ADDR=5.6.7.8
                Q_U_U_X_SERVICE_HOST=9.8.7.6
                Q_U_U_X_SERVICE_PORT=8082
                Q_U_U_X_SERVICE_PORT_8083=8083
                Q_U_U_X_PORT=tcp://9.8.7.6:8082
                Q_U_U_X_PORT_8082_TCP=tcp://9.8.7.6:8082
                Q_U_U_X_PORT_8082_TCP_PROTO=tcp
                Q_U_U_X_PORT_8082_TCP_PORT=8082
                Q_U_U_X_PORT_8082_TCP_ADDR=9.8.7.6
                Q_U_U_X_PORT_8083_TCP=tcp://9.8.7.6:8083
                Q_U_U_X_PORT_8083_TCP_PROTO=tcp
                Q_U_U_X_PORT_8083_TCP_PORT=8083
                Q_U_U_X_PORT_8083_TCP_ADDR=9.8.7.6
            "#]],
        );
    }

    /// The `kubernetes` Service's variables, as every container has them
    /// (FACTS-workloads.md §7.2).
    #[test]
    fn the_kubernetes_service() {
        check(
            &[KUBERNETES],
            expect![[r#"
            KUBERNETES_SERVICE_HOST=10.96.0.1
            KUBERNETES_SERVICE_PORT=443
            KUBERNETES_SERVICE_PORT_HTTPS=443
            KUBERNETES_PORT=tcp://10.96.0.1:443
            KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443
            KUBERNETES_PORT_443_TCP_PROTO=tcp
            KUBERNETES_PORT_443_TCP_PORT=443
            KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1
        "#]],
        );
    }
}
