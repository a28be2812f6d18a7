//! Which container of a Pod a kubectl command means when it names none, or names one
//! (staging/src/k8s.io/kubectl/pkg/cmd/util/podcmd/podcmd.go, and `logsForObjectWithClient` in
//! polymorphichelpers/logsforobject.go): the one named, else the one the
//! `kubectl.kubernetes.io/default-container` annotation names, else the first, with the notice
//! kubectl writes to standard error when there was a choice.

use crate::api::v1::Pod;

/// The annotation that names a Pod's most interesting container.
pub const DEFAULT_CONTAINER_ANNOTATION: &str = "kubectl.kubernetes.io/default-container";

/// The container a command chose, and what kubectl said about the choice (each line ends with
/// a newline; empty when it said nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen {
    /// The container's name.
    pub name: String,
    /// kubectl's notices, on standard error.
    pub notice: String,
}

/// True when `pod` has a container, init container or ephemeral container named `name`
/// (`FindContainerByName`).
pub fn has_container(pod: &Pod, name: &str) -> bool {
    pod.spec.containers.iter().any(|c| c.name == name)
        || pod.spec.init_containers.iter().any(|c| c.name == name)
        || pod.spec.ephemeral_containers.iter().any(|c| c.name == name)
}

/// `pod`'s container, init container or ephemeral container named `name` (an ephemeral one
/// as the fields it shares with the others), if it has one.
pub fn container_named(pod: &Pod, name: &str) -> Option<crate::api::v1::Container> {
    pod.all_containers()
        .map(|(_, container)| container)
        .find(|container| container.name == name)
        .cloned()
        .or_else(|| {
            pod.spec
                .ephemeral_containers
                .iter()
                .find(|container| container.name == name)
                .map(crate::api::v1::EphemeralContainer::as_container)
        })
}

/// The image of `pod`'s container of any kind named `name` (empty when it has none).
pub fn image_of(pod: &Pod, name: &str) -> String {
    container_named(pod, name)
        .and_then(|container| container.image)
        .unwrap_or_default()
}

/// Every container's name as kubectl lists them (`AllContainerNames`): the containers, the
/// ephemeral ones marked `(ephem)`, the init ones marked `(init)`.
pub fn all_container_names(pod: &Pod) -> String {
    let containers = pod.spec.containers.iter().map(|c| c.name.clone());
    let ephemeral = pod
        .spec
        .ephemeral_containers
        .iter()
        .map(|c| format!("{} (ephem)", c.name));
    let init = pod
        .spec
        .init_containers
        .iter()
        .map(|c| format!("{} (init)", c.name));
    containers
        .chain(ephemeral)
        .chain(init)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The container `kubectl logs POD [-c NAME]` reads (`logsForObjectWithClient`): an annotation
/// naming no container is reported and passed over, and a container that is not there is
/// kubectl's error.
pub fn container_for_logs(pod: &Pod, requested: Option<&str>) -> Result<Chosen, String> {
    let mut notice = String::new();
    let mut name = requested.map(str::to_owned);
    if name.is_none()
        && let Some(wanted) = annotated(pod)
    {
        if has_container(pod, wanted) {
            name = Some(wanted.to_owned());
        } else {
            notice.push_str(&format!(
                "Default container name \"{wanted}\" not found in pod {}\n",
                pod.name()
            ));
        }
    }
    let name = match name {
        Some(name) => name,
        None => first_with_notice(pod, &mut notice)?,
    };
    if !has_container(pod, &name) {
        return Err(format!(
            "error: container {name} is not valid for pod {} out of: {}",
            pod.name(),
            all_container_names(pod)
        ));
    }
    Ok(Chosen { name, notice })
}

/// The container `kubectl exec POD [-c NAME]` (and `attach`, `cp`) runs in
/// (`FindOrDefaultContainerByName` when no name is given; an annotation naming no container is
/// passed over without a word). kubectl does not check a name it is given: the API server does
/// (pkg/registry/core/pod/strategy.go `streamLocation`), with its own error.
pub fn container_for_exec(pod: &Pod, requested: Option<&str>) -> Result<Chosen, String> {
    if let Some(name) = requested {
        if !has_container(pod, name) {
            return Err(format!(
                "Error from server (BadRequest): container {name} is not valid for pod {}",
                pod.name()
            ));
        }
        return Ok(Chosen {
            name: name.to_owned(),
            notice: String::new(),
        });
    }
    if let Some(wanted) = annotated(pod).filter(|wanted| has_container(pod, wanted)) {
        return Ok(Chosen {
            name: wanted.to_owned(),
            notice: String::new(),
        });
    }
    let mut notice = String::new();
    let name = first_with_notice(pod, &mut notice)?;
    Ok(Chosen { name, notice })
}

/// The name the default-container annotation gives, if it gives one.
fn annotated(pod: &Pod) -> Option<&str> {
    pod.metadata
        .annotations
        .get(DEFAULT_CONTAINER_ANNOTATION)
        .map(String::as_str)
        .filter(|name| !name.is_empty())
}

/// The first container, with kubectl's notice when the Pod has others.
fn first_with_notice(pod: &Pod, notice: &mut String) -> Result<String, String> {
    let Some(first) = pod.spec.containers.first() else {
        return Err(format!(
            "error: pod default/{} does not have any containers",
            pod.name()
        ));
    };
    let others = pod.spec.containers.len() > 1
        || !pod.spec.init_containers.is_empty()
        || !pod.spec.ephemeral_containers.is_empty();
    if others {
        notice.push_str(&format!(
            "Defaulted container \"{}\" out of: {}\n",
            first.name,
            all_container_names(pod)
        ));
    }
    Ok(first.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{Expect, expect};

    /// The choice of `logs` and of `exec` for a Pod of `manifest` and a `-c` value, each as
    /// `name` after kubectl's notices, or kubectl's error.
    fn check(manifest: &str, requested: Option<&str>, expected: Expect) {
        let parsed = crate::parse(manifest);
        let pod = parsed.pod.expect("the test Pods parse");
        let show = |chosen: Result<Chosen, String>| match chosen {
            Ok(chosen) => format!("{}{}", chosen.notice, chosen.name),
            Err(error) => error,
        };
        let out = format!(
            "logs: {}\nexec: {}\n",
            show(container_for_logs(&pod, requested)),
            show(container_for_exec(&pod, requested))
        );
        expected.assert_eq(&out);
    }

    const TWO: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  initContainers: [{name: setup, image: busybox}]\n  containers: [{name: app, image: nginx}, {name: sidecar, image: busybox}]\n";

    /// Cases after upstream's TestFindOrDefaultContainerByName and TestAllContainerNames
    /// (podcmd_test.go), on a Pod with two containers and an init container, and for `logs` the
    /// default-container branch of `logsForObjectWithClient`.
    #[test]
    fn the_default_container_and_kubectls_notices() {
        check(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: one}\nspec:\n  containers: [{name: app, image: nginx}]\n",
            None,
            expect![[r#"
                logs: app
                exec: app
            "#]],
        );
        check(
            TWO,
            None,
            expect![[r#"
                logs: Defaulted container "app" out of: app, sidecar, setup (init)
                app
                exec: Defaulted container "app" out of: app, sidecar, setup (init)
                app
            "#]],
        );
        check(
            TWO,
            Some("sidecar"),
            expect![[r#"
                logs: sidecar
                exec: sidecar
            "#]],
        );
        check(
            TWO,
            Some("setup"),
            expect![[r#"
                logs: setup
                exec: setup
            "#]],
        );
        check(
            TWO,
            Some("db"),
            expect![[r#"
                logs: error: container db is not valid for pod web out of: app, sidecar, setup (init)
                exec: Error from server (BadRequest): container db is not valid for pod web
            "#]],
        );
        let annotated = TWO.replace(
            "metadata: {name: web}",
            "metadata: {name: web, annotations: {kubectl.kubernetes.io/default-container: sidecar}}",
        );
        check(
            &annotated,
            None,
            expect![[r#"
                logs: sidecar
                exec: sidecar
            "#]],
        );
        let wrong = TWO.replace(
            "metadata: {name: web}",
            "metadata: {name: web, annotations: {kubectl.kubernetes.io/default-container: db}}",
        );
        check(
            &wrong,
            None,
            expect![[r#"
                logs: Default container name "db" not found in pod web
                Defaulted container "app" out of: app, sidecar, setup (init)
                app
                exec: Defaulted container "app" out of: app, sidecar, setup (init)
                app
            "#]],
        );
    }
}
