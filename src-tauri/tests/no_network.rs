//! Nabo has no network (issue 14): the window's capabilities grant no permission that can
//! reach a network, the content security policy lets the page load nothing from elsewhere,
//! and the desktop crate depends on no plugin that talks to a network. Read from the very
//! files Tauri builds the app from.

use std::path::Path;

use serde_json::Value;

fn read_json(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Plugins whose permissions reach a network or another program that could.
const NETWORK_PLUGINS: &[&str] =
    &["http", "websocket", "upload", "updater", "shell", "opener", "deep-link", "localhost", "fs", "process"];

#[test]
fn no_capability_grants_a_network_permission() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("capabilities folder") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let capability =
            read_json(&format!("capabilities/{}", path.file_name().and_then(|n| n.to_str()).unwrap_or("")));
        // Only local windows: a capability with `remote` URLs would let a web page call Nabo.
        assert!(capability.get("remote").is_none(), "{}: grants remote URLs", path.display());
        let permissions = capability["permissions"].as_array().expect("permissions");
        for permission in permissions {
            // A permission is a string or `{ "identifier": …, "allow": … }` (a scoped one).
            let id = permission.as_str().or_else(|| permission["identifier"].as_str()).expect("identifier");
            let plugin = id.split(':').next().unwrap_or(id);
            assert!(!NETWORK_PLUGINS.contains(&plugin), "{}: {id} can reach the network", path.display());
            seen += 1;
        }
    }
    assert!(seen > 0, "the capabilities were read");
}

#[test]
fn the_content_security_policy_allows_nothing_from_elsewhere() {
    let config = read_json("tauri.conf.json");
    let csp = config["app"]["security"]["csp"].as_object().expect("a CSP, as directives");
    assert_eq!(
        csp.get("default-src").and_then(Value::as_str),
        Some("'self'"),
        "everything not named is own-origin only"
    );
    for (directive, sources) in csp {
        let sources = sources.as_str().expect("sources as text");
        for source in sources.split_whitespace() {
            // Own origin, nothing, inline images, and Tauri's IPC (which never leaves the process).
            let local = matches!(source, "'self'" | "'none'" | "data:" | "ipc:" | "http://ipc.localhost");
            assert!(local, "{directive} allows {source}: remote content");
        }
    }
    for directive in ["connect-src", "script-src", "img-src", "object-src", "frame-ancestors"] {
        assert!(csp.contains_key(directive), "{directive} is set, not left to a default");
    }
    // Tauri would otherwise add the dev server or let the page go elsewhere.
    assert_ne!(config["app"]["security"]["dangerousDisableAssetCspModification"], Value::Bool(true));
}

#[test]
fn the_desktop_crate_depends_on_no_network_plugin() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).expect("manifest");
    for plugin in NETWORK_PLUGINS {
        assert!(!manifest.contains(&format!("tauri-plugin-{plugin}")), "nabo-desktop depends on tauri-plugin-{plugin}");
    }
    for client in ["reqwest", "ureq", "hyper", "isahc", "curl"] {
        let line = manifest.lines().any(|l| {
            l.trim_start().starts_with(&format!("{client} ")) || l.trim_start().starts_with(&format!("{client}."))
        });
        assert!(!line, "nabo-desktop depends on the HTTP client {client}");
    }
}
