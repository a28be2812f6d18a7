use expect_test::{Expect, expect};

use super::*;
use crate::api::v1::Container;
use crate::diagram::{geometry_text, verify};
use crate::lint::parse;

/// A Pod of `init` init containers, `app` app containers and `volumes` emptyDirs, each volume
/// mounted by the app container of the same index (modulo the count).
pub(crate) fn pod(init: usize, app: usize, volumes: usize) -> Pod {
    let container = |prefix: &str, index: usize| Container {
        name: format!("{prefix}-{index}"),
        image: Some("busybox:1.36".to_owned()),
        ..Container::default()
    };
    let mut pod = Pod::default();
    pod.metadata.name = Some("p".to_owned());
    pod.spec.init_containers = (0..init).map(|index| container("init", index)).collect();
    pod.spec.containers = (0..app).map(|index| container("app", index)).collect();
    for index in 0..volumes {
        pod.spec.volumes.push(crate::api::v1::Volume {
            name: format!("v{index}"),
            empty_dir: Some(Default::default()),
            ..Default::default()
        });
        if app > 0 {
            pod.spec.containers[index % app]
                .volume_mounts
                .push(crate::api::v1::VolumeMount {
                    name: format!("v{index}"),
                    mount_path: format!("/data/{index}"),
                    ..Default::default()
                });
        }
    }
    pod
}

/// Lays out the Pod of `text` and renders its geometry, one item per line.
fn check(text: &str, expected: Expect) {
    let pod = parse(text).pod.expect("test manifests hold a Pod");
    let diagram = layout(&pod);
    assert_eq!(verify(&diagram), Vec::<String>::new());
    expected.assert_eq(&geometry_text(&diagram));
}

#[test]
fn one_container() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]\n",
        expect![[r#"
            800x360 pod/p pod 8,8 488x222 network 48,42 408x44 pause 56,50 96x28
            container web [main] 48,126 184x84
            port :80 of web 56,117 56x18
            external client [client] 560,42 232x40
            edge client → 'web' :80 560,62 516,62 516,102 80,102 80,117
        "#]],
    );
}

#[test]
fn never_overlaps_from_1_to_12_containers_and_0_to_10_volumes() {
    for init in 0..3 {
        for app in 1..=12 {
            for volumes in [0, 1, 5, 10] {
                let diagram = layout(&pod(init, app, volumes));
                assert_eq!(
                    verify(&diagram),
                    Vec::<String>::new(),
                    "{init} init, {app} app, {volumes} volumes"
                );
                assert_eq!(diagram.containers.len(), init + app);
                assert_eq!(diagram.volumes.len(), volumes);
            }
        }
    }
}

#[test]
fn renaming_a_container_or_adding_env_moves_nothing() {
    let before = layout(&pod(1, 3, 2));
    let mut renamed = pod(1, 3, 2);
    renamed.spec.containers[1].name = "a-much-longer-name-than-before-it-was".to_owned();
    renamed.spec.containers[2].env.push(crate::api::v1::EnvVar {
        name: "MODE".to_owned(),
        value: Some("fast".to_owned()),
        ..Default::default()
    });
    let after = layout(&renamed);
    let rects = |d: &Diagram| -> Vec<Rect> {
        d.containers
            .iter()
            .map(|c| c.rect)
            .chain(d.volumes.iter().map(|v| v.rect))
            .collect()
    };
    assert_eq!(rects(&before), rects(&after));
    assert_eq!(before.width, after.width);
}
