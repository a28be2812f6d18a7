//! Example manifests that ship with Podplay. Each teaches one lesson.

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
pub const ALL: &[Example] = &[SIDECAR_LOGGING];
