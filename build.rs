//! Embeds the sample bundles of `examples/` (without their gold annotations)
//! so `baton demo` works from any directory, with no files beside the binary.
//! Bytes, not text: a sample's signed scope may be a PDF.

use std::fmt::Write as _;
use std::path::Path;

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(root, &p, out);
        } else if p
            .file_name()
            .is_some_and(|n| n != "gold.toml" && n != "README.md")
        {
            let rel = p.strip_prefix(root).expect("under root");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    // Read when the script runs, not baked in when it is compiled: a target
    // dir copied from another checkout reuses the compiled script, which would
    // otherwise embed that checkout's examples.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("examples");
    println!("cargo:rerun-if-changed=examples");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    // Only files inside a bundle folder: examples/<bundle>/...
    files.retain(|f| f.contains('/'));
    let mut code = String::from("pub static BUNDLE_FILES: &[(&str, &[u8])] = &[\n");
    for f in &files {
        let abs = root.join(f);
        writeln!(
            code,
            "    ({f:?}, include_bytes!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("demo_bundles.rs");
    std::fs::write(out, code).expect("write demo_bundles.rs");
}
