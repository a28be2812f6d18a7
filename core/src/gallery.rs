//! Example manifests that ship with Podplay, taken from the seed articles (with copy-paste damage
//! repaired). Each teaches one lesson.

/// One example of the gallery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// A stable identifier, usable in links.
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// The lesson, in one sentence.
    pub lesson: &'static str,
    /// Where the manifest comes from.
    pub source: &'static str,
    /// The manifest text.
    pub manifest: &'static str,
}

/// The sidecar log-shipping Pod from the seed article "Deep Dive into Kubernetes Pods".
pub const SIDECAR_LOGGING: Example = Example {
    id: "sidecar-logging",
    title: "Sidecar: shipping logs",
    lesson: "Two containers share an emptyDir volume: the app writes logs, the sidecar reads and forwards them.",
    source: "Seed article \"Deep Dive into Kubernetes Pods\", Sidecar Pattern",
    manifest: include_str!("gallery/sidecar-logging.yaml"),
};

/// Every example, in the order the gallery shows them.
pub const ALL: &[Example] = &[
    Example {
        id: "my-pod",
        title: "A single nginx container",
        lesson: "The smallest useful Pod: one container, one declared port.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Single-Container Pod",
        manifest: include_str!("gallery/my-pod.yaml"),
    },
    Example {
        id: "banana-shipment",
        title: "A labelled Pod",
        lesson: "Labels are how Services and controllers find Pods; they live under metadata.",
        source: "Seed article \"Understanding Kubernetes Pods\" (indentation repaired)",
        manifest: include_str!("gallery/banana-shipment.yaml"),
    },
    SIDECAR_LOGGING,
    Example {
        id: "log-aggregator",
        title: "Sidecar: log aggregator",
        lesson: "Containers of a Pod share volumes and the network: localhost reaches the neighbour.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Multi-Container Pods",
        manifest: include_str!("gallery/log-aggregator.yaml"),
    },
    Example {
        id: "app-with-sidecar",
        title: "Sidecar: counting log lines",
        lesson: "A sidecar reads what the web server writes into a shared emptyDir.",
        source: "Seed article \"Understanding Kubernetes Pods\" (indentation repaired)",
        manifest: include_str!("gallery/app-with-sidecar.yaml"),
    },
    Example {
        id: "init-demo",
        title: "Init container: waiting for setup",
        lesson: "The app starts only after every init container has exited successfully: Init:0/1, then PodInitializing, then Running.",
        source: "Seed article \"Kubernetes Pods: The Atom of Kubernetes\", Lab 5.1 (indentation repaired)",
        manifest: include_str!("gallery/init-demo.yaml"),
    },
    Example {
        id: "my-app",
        title: "Init, main and helper containers",
        lesson: "An init container prepares, then the server and its log agent run side by side.",
        source: "Seed article \"Pods Deep Dive\", Code Example (indentation repaired)",
        manifest: include_str!("gallery/my-app.yaml"),
    },
    Example {
        id: "vault-injector",
        title: "Init container: injecting secrets",
        lesson: "An init container writes secrets into a volume that the app container then mounts.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Init Containers",
        manifest: include_str!("gallery/vault-injector.yaml"),
    },
    Example {
        id: "resource-limited-pod",
        title: "Requests and limits",
        lesson: "Requests reserve capacity for scheduling; limits cap use: memory over the limit is OOMKilled, CPU is throttled.",
        source: "Seed article \"Deep Dive into Kubernetes Pods\", Resource Management",
        manifest: include_str!("gallery/resource-limited-pod.yaml"),
    },
    Example {
        id: "app-with-ambassador",
        title: "Ambassador: a local proxy",
        lesson: "The app talks to localhost:6379; the ambassador beside it forwards to the real Redis outside the Pod.",
        source: "Seed article \"Understanding Kubernetes Pods\", The Ambassador Pattern",
        manifest: include_str!("gallery/app-with-ambassador.yaml"),
    },
    Example {
        id: "app-with-adapter",
        title: "Adapter: a metrics exporter",
        lesson: "The app writes its own status file; the adapter reads it and serves Prometheus metrics on port 9113.",
        source: "Seed article \"Understanding Kubernetes Pods\", The Adapter Pattern",
        manifest: include_str!("gallery/app-with-adapter.yaml"),
    },
];

/// The example whose manifest is `text` exactly, if any.
pub fn example_of(text: &str) -> Option<&'static Example> {
    ALL.iter().find(|example| example.manifest == text)
}

/// The example with `id`, if any.
pub fn by_id(id: &str) -> Option<&'static Example> {
    ALL.iter().find(|example| example.id == id)
}

/// True when loading an example over `text` would lose the user's work: the text is neither
/// empty nor an unchanged example, so it must be kept aside first.
pub fn is_own_draft(text: &str) -> bool {
    !text.trim().is_empty() && example_of(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_example_is_the_users_own() {
        assert!(!is_own_draft(SIDECAR_LOGGING.manifest));
        assert!(!is_own_draft("  \n"));
        assert!(is_own_draft(
            &SIDECAR_LOGGING.manifest.replace("app", "web")
        ));
        assert_eq!(
            by_id("my-pod").map(|e| e.title),
            Some("A single nginx container")
        );
        assert_eq!(
            example_of(SIDECAR_LOGGING.manifest).map(|e| e.id),
            Some("sidecar-logging")
        );
    }

    /// Every gallery example is a Pod the API server accepts.
    #[test]
    fn every_example_is_valid() {
        for example in ALL {
            let parsed = crate::parse(example.manifest);
            let errors: Vec<String> = parsed
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.is_error())
                .map(ToString::to_string)
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", example.id);
            assert_eq!(parsed.pod.as_ref().map(crate::Pod::name), Some(example.id));
        }
    }
}
