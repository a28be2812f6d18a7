//! Parse + default + validate (+ lint) throughput over the docs corpus, and the time to answer the
//! worst inputs. Run with `cargo bench -p pod-model --bench pipeline`.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/k8s-docs-examples/pods");
    let mut files: Vec<PathBuf> = Vec::new();
    let mut pending = vec![dir];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("the corpus is readable") {
            let path = entry.expect("corpus entries are readable").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .iter()
        .map(|path| fs::read_to_string(path).expect("corpus files are UTF-8"))
        .collect()
}

fn pipeline(c: &mut Criterion) {
    let manifests = corpus();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(manifests.len() as u64));
    group.bench_function("docs corpus (pods)", |b| {
        b.iter(|| {
            for text in &manifests {
                black_box(pod_model::parse(black_box(text)));
            }
        });
    });
    let documents: Vec<_> = manifests
        .iter()
        .map(|text| pod_model::api::yaml::parse_stream(text).expect("corpus files are YAML"))
        .collect();
    group.bench_function("stage: YAML only", |b| {
        b.iter(|| {
            for text in &manifests {
                black_box(pod_model::api::yaml::parse_stream(black_box(text)).ok());
            }
        });
    });
    group.bench_function("stage: strict decoding", |b| {
        b.iter(|| {
            for document in &documents {
                let mut diagnostics = Vec::new();
                black_box(pod_model::Pod::decode_document(
                    &document[0].root,
                    &mut diagnostics,
                ));
            }
        });
    });
    let pods: Vec<_> = documents
        .iter()
        .map(|document| pod_model::Pod::decode_document(&document[0].root, &mut Vec::new()))
        .collect();
    group.bench_function("stage: defaults", |b| {
        b.iter(|| {
            for pod in &pods {
                black_box(pod_model::api::defaults::apply(black_box(pod)));
            }
        });
    });
    let defaulted: Vec<_> = pods
        .iter()
        .map(|pod| pod_model::api::defaults::apply(pod).pod)
        .collect();
    group.bench_function("stage: validation", |b| {
        b.iter(|| {
            for pod in &defaulted {
                black_box(pod_model::api::validation::validate(black_box(pod)));
            }
        });
    });
    group.bench_function("stage: lint", |b| {
        b.iter(|| {
            for pod in &defaulted {
                black_box(pod_model::lint::lint(black_box(pod)));
            }
        });
    });
    group.finish();

    let gallery: Vec<&str> = pod_model::playground::gallery::ALL
        .iter()
        .map(|example| example.manifest)
        .collect();
    let mut group = c.benchmark_group("gallery");
    group.throughput(Throughput::Elements(gallery.len() as u64));
    group.bench_function("seed examples (pods)", |b| {
        b.iter(|| {
            for text in &gallery {
                black_box(pod_model::parse(black_box(text)));
            }
        });
    });
    group.finish();
}

fn worst_inputs(c: &mut Criterion) {
    let mut group = c.benchmark_group("worst inputs");
    group.sample_size(20);
    let mut laughs = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let mut previous = "a".to_owned();
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        laughs.push_str(&format!("{name}: &{name} [{refs}]\n"));
        previous = name.to_owned();
    }
    let big_valid_pod = {
        let mut text = String::from(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n",
        );
        let mut index = 0;
        while text.len() < 1000 * 1024 {
            text.push_str(&format!(
                "  - name: c{index}\n    image: nginx:1.27\n    env: [{{name: A, value: b}}, {{name: C, value: d}}]\n"
            ));
            index += 1;
        }
        text
    };
    let cases = [
        ("billion laughs", laughs),
        (
            "10,000-deep flow nesting",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        ),
        ("10 MiB of padding", "#".repeat(10 * 1024 * 1024)),
        ("1 MB Pod with 8,000 containers", big_valid_pod),
    ];
    for (name, text) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(pod_model::parse(black_box(text))))
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline, worst_inputs);
criterion_main!(benches);
