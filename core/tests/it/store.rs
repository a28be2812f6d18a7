//! The API server's store as the cluster leaves it: every object with the metadata the API
//! server keeps (uid, resourceVersion, creation and deletion), Services, ConfigMaps and Secrets
//! included, and the one resourceVersion sequence they all share.

use expect_test::{Expect, expect};

use pod_model::cluster::run;
use pod_model::cluster::scenario::Scenario;

/// Runs `manifest` in `scenario` (YAML) and lists the store's objects at the horizon: each
/// Service, ConfigMap and Secret, then each Pod object's versions.
fn check(manifest: &str, scenario: &str, expected: Expect) {
    let parsed = pod_model::parse(manifest);
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let pods: Vec<_> = parsed.accepted_pods().into_iter().cloned().collect();
    let scenario = Scenario::from_yaml(scenario).expect("the test scenarios are valid");
    let world = run(&pods, &scenario).world;
    let mut out = String::new();
    for object in &world.store.objects {
        out.push_str(&format!(
            "{:?}/{} rv {} created {} deleted {:?} data {:?} uid-length {}\n",
            object.kind,
            object.name,
            object.resource_version,
            object.created,
            object.deleted,
            object.data,
            object.uid.len()
        ));
    }
    out.push_str(&format!("services now {:?}\n", world.store.services));
    for stored in &world.store.pods {
        let versions: Vec<String> = stored
            .history
            .iter()
            .map(|version| {
                format!(
                    "{}@{}",
                    version
                        .pod
                        .metadata
                        .resource_version
                        .as_deref()
                        .unwrap_or("-"),
                    version.at
                )
            })
            .collect();
        out.push_str(&format!(
            "pod/{} created {} removed {:?} versions {}\n",
            stored.object().name(),
            stored.created,
            stored.removed,
            versions.join(" ")
        ));
    }
    expected.assert_eq(&out);
}

#[test]
fn scenario_objects_are_stored_before_the_pods_and_share_their_resource_versions() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'echo $MODE; sleep 3600']\n    env:\n    - name: MODE\n      valueFrom: {configMapKeyRef: {name: app-config, key: mode}}\n",
        "horizon: 1m\nservices: [db]\nconfigMaps: {app-config: {mode: fast}}\nsecrets: {db-pass: {password: s3cret}}\nactions:\n- {at: 30s, do: deleteService, name: db}\n- {at: 40s, do: createService, name: cache}\n",
        expect![[r#"
            Service/db rv 1030 created 0 deleted Some(30000) data {} uid-length 36
            ConfigMap/app-config rv 1025 created 0 deleted None data {"mode": "fast"} uid-length 36
            Secret/db-pass rv 1026 created 0 deleted None data {"password": "s3cret"} uid-length 36
            Service/cache rv 1031 created 40000 deleted None data {} uid-length 36
            services now {"cache"}
            pod/app created 0 removed None versions 1027@0s 1028@1s 1029@2s
        "#]],
    );
}
