//! The files the kubelet and the runtime write into every container of a Pod: `/etc/hosts`
//! (pkg/kubelet/kubelet_pods.go `managedHostsFileContent`), `/etc/resolv.conf` (pkg/kubelet/
//! network/dns/dns.go `GetPodDNS`, written by containerd as `search`, `nameserver`, `options`)
//! and `/etc/hostname`.

use crate::api::v1::Pod;

/// The cluster's DNS Service address (kube-dns, the tenth address of the service range).
pub const CLUSTER_DNS: &str = "10.96.0.10";
/// The cluster's domain.
pub const CLUSTER_DOMAIN: &str = "cluster.local";

/// The kubelet's files of `pod`'s containers as paths and contents: its hostname, its hosts file
/// (once it has an IP), and its resolver configuration (unless it takes the node's, which the
/// playground does not know).
pub fn etc_files(pod: &Pod) -> Vec<(String, String)> {
    let hostname = hostname(pod);
    let mut files = vec![("/etc/hostname".to_owned(), format!("{hostname}\n"))];
    if !pod.spec.host_network {
        let ips: Vec<&str> = pod
            .status
            .as_deref()
            .and_then(|status| status.pod_ip.as_deref())
            .into_iter()
            .collect();
        files.push(("/etc/hosts".to_owned(), hosts_file(pod, &ips)));
    }
    if let Some(resolv) = resolv_conf(pod) {
        files.push(("/etc/resolv.conf".to_owned(), resolv));
    }
    files
}

/// The Pod's hostname: `spec.hostname`, else its name, at most 63 characters
/// (`GeneratePodHostNameAndDomain`).
pub fn hostname(pod: &Pod) -> String {
    let name = pod
        .spec
        .hostname
        .as_deref()
        .filter(|name| !name.is_empty())
        .unwrap_or(pod.name());
    name.chars().take(63).collect()
}

/// `/etc/hosts` of a Pod that does not use the host's network, with an entry for each of `ips`.
fn hosts_file(pod: &Pod, ips: &[&str]) -> String {
    let hostname = hostname(pod);
    let namespace = pod.metadata.namespace.as_deref().unwrap_or("default");
    let mut out = String::from(
        "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n",
    );
    let domain = pod
        .spec
        .subdomain
        .as_deref()
        .filter(|subdomain| !subdomain.is_empty())
        .map(|subdomain| format!("{subdomain}.{namespace}.svc.{CLUSTER_DOMAIN}"));
    for ip in ips {
        match &domain {
            Some(domain) => out.push_str(&format!("{ip}\t{hostname}.{domain}\t{hostname}\n")),
            None => out.push_str(&format!("{ip}\t{hostname}\n")),
        }
    }
    if !pod.spec.host_aliases.is_empty() {
        out.push_str("\n# Entries added by HostAliases.\n");
        for alias in &pod.spec.host_aliases {
            for name in &alias.hostnames {
                out.push_str(&format!("{}\t{name}\n", alias.ip));
            }
        }
    }
    out
}

/// `/etc/resolv.conf` as the Pod's `dnsPolicy` and `dnsConfig` make it; `None` when it is the
/// node's (`Default`, or `ClusterFirst` on the host's network).
fn resolv_conf(pod: &Pod) -> Option<String> {
    let namespace = pod.metadata.namespace.as_deref().unwrap_or("default");
    let policy = pod.spec.dns_policy.as_deref().unwrap_or("ClusterFirst");
    let cluster_first = match policy {
        "ClusterFirstWithHostNet" => true,
        "ClusterFirst" => !pod.spec.host_network,
        "None" => false,
        _ => return None,
    };
    let (mut servers, mut searches, mut options): (Vec<String>, Vec<String>, Vec<String>) =
        if cluster_first {
            (
                vec![CLUSTER_DNS.to_owned()],
                vec![
                    format!("{namespace}.svc.{CLUSTER_DOMAIN}"),
                    format!("svc.{CLUSTER_DOMAIN}"),
                    CLUSTER_DOMAIN.to_owned(),
                ],
                vec!["ndots:5".to_owned()],
            )
        } else {
            (Vec::new(), Vec::new(), Vec::new())
        };
    // `appendDNSConfig`: the Pod's own servers and searches after the policy's, without
    // duplicates; its options replace those of the same name.
    if let Some(config) = &pod.spec.dns_config {
        for server in &config.nameservers {
            if !servers.contains(server) {
                servers.push(server.clone());
            }
        }
        for search in &config.searches {
            if !searches.contains(search) {
                searches.push(search.clone());
            }
        }
        for option in &config.options {
            let text = match &option.value {
                Some(value) => format!("{}:{value}", option.name),
                None => option.name.clone(),
            };
            let same = |existing: &String| existing.split(':').next() == Some(option.name.as_str());
            match options.iter_mut().find(|existing| same(existing)) {
                Some(existing) => *existing = text,
                None => options.push(text),
            }
        }
    }
    let mut out = String::new();
    if !searches.is_empty() {
        out.push_str(&format!("search {}\n", searches.join(" ")));
    }
    for server in &servers {
        out.push_str(&format!("nameserver {server}\n"));
    }
    if !options.is_empty() {
        out.push_str(&format!("options {}\n", options.join(" ")));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    /// The files of the Pod `manifest` once it has the IP 10.244.1.7, each after its path.
    fn check(manifest: &str, expected: Expect) {
        let mut pod = crate::parse(manifest).pod.expect("the test Pods parse");
        let status = pod.status.get_or_insert_with(Default::default);
        status.pod_ip = Some("10.244.1.7".to_owned());
        let out: String = etc_files(&pod)
            .iter()
            .map(|(path, content)| format!("== {path}\n{content}"))
            .collect();
        expected.assert_eq(&out);
    }

    #[test]
    fn a_pods_hosts_resolver_and_hostname() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: a, image: nginx}]\n",
            expect![[r#"
                == /etc/hostname
                web
                == /etc/hosts
                # Kubernetes-managed hosts file.
                127.0.0.1	localhost
                ::1	localhost ip6-localhost ip6-loopback
                fe00::0	ip6-localnet
                fe00::0	ip6-mcastprefix
                fe00::1	ip6-allnodes
                fe00::2	ip6-allrouters
                10.244.1.7	web
                == /etc/resolv.conf
                search default.svc.cluster.local svc.cluster.local cluster.local
                nameserver 10.96.0.10
                options ndots:5
            "#]],
        );
    }

    /// A StatefulSet's Pod (its subdomain), host aliases, and the docs' custom DNS
    /// (content/en/examples/service/networking/custom-dns.yaml: `dnsPolicy: None`).
    #[test]
    fn subdomains_aliases_and_dns_config() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: web-0}\nspec:\n  hostname: web-0\n  subdomain: nginx\n  hostAliases: [{ip: 127.0.0.1, hostnames: [foo.local, bar.local]}]\n  containers: [{name: a, image: nginx}]\n",
            expect![[r#"
                == /etc/hostname
                web-0
                == /etc/hosts
                # Kubernetes-managed hosts file.
                127.0.0.1	localhost
                ::1	localhost ip6-localhost ip6-loopback
                fe00::0	ip6-localnet
                fe00::0	ip6-mcastprefix
                fe00::1	ip6-allnodes
                fe00::2	ip6-allrouters
                10.244.1.7	web-0.nginx.default.svc.cluster.local	web-0

                # Entries added by HostAliases.
                127.0.0.1	foo.local
                127.0.0.1	bar.local
                == /etc/resolv.conf
                search default.svc.cluster.local svc.cluster.local cluster.local
                nameserver 10.96.0.10
                options ndots:5
            "#]],
        );
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {namespace: default, name: dns-example}\nspec:\n  containers: [{name: test, image: nginx}]\n  dnsPolicy: \"None\"\n  dnsConfig:\n    nameservers: [192.0.2.1]\n    searches: [ns1.svc.cluster-domain.example, my.dns.search.suffix]\n    options: [{name: ndots, value: \"2\"}, {name: edns0}]\n",
            expect![[r#"
                == /etc/hostname
                dns-example
                == /etc/hosts
                # Kubernetes-managed hosts file.
                127.0.0.1	localhost
                ::1	localhost ip6-localhost ip6-loopback
                fe00::0	ip6-localnet
                fe00::0	ip6-mcastprefix
                fe00::1	ip6-allnodes
                fe00::2	ip6-allrouters
                10.244.1.7	dns-example
                == /etc/resolv.conf
                search ns1.svc.cluster-domain.example my.dns.search.suffix
                nameserver 192.0.2.1
                options ndots:2 edns0
            "#]],
        );
    }
}
