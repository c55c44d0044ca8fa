#!/usr/bin/env bash
# Builds a base image for `./mvnw package -Pimage` on a machine that cannot reach a container registry:
# Debian 12 (debootstrap, from Debian's mirror) plus a Java runtime made by jlink from the local JDK, saved as a
# docker-archive tarball that Jib takes as `tar://...`. Needs root (debootstrap, chroot) and a JDK 21+.
# The production image uses eclipse-temurin:21-jre from a registry instead (the profile's default).
#   deploy/image/offline-base-image.sh /tmp/tierslieux-base.tar
set -euo pipefail
out="${1:-/tmp/tierslieux-base.tar}"
work="$(mktemp -d)"
rootfs="$work/rootfs"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v debootstrap >/dev/null || { echo "install debootstrap first (apt-get install debootstrap)" >&2; exit 1; }
debootstrap --variant=minbase bookworm "$rootfs"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc "$rootfs"/usr/share/man
"$java_home/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.localedata,jdk.jfr \
    --strip-debug --no-man-pages --no-header-files --compress zip-6 --output "$rootfs/opt/java"
tar -C "$rootfs" --numeric-owner -cf "$work/layer.tar" .
python3 - "$work" "$out" <<'PY'
import hashlib, json, sys, tarfile, os
work, out = sys.argv[1], sys.argv[2]
layer = os.path.join(work, "layer.tar")
h = hashlib.sha256()
with open(layer, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        h.update(chunk)
diff_id = "sha256:" + h.hexdigest()
config = {
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/opt/java"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
}
config_bytes = json.dumps(config).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
with open(os.path.join(work, config_name), "wb") as f:
    f.write(config_bytes)
manifest = [{"Config": config_name, "RepoTags": ["tierslieux-base:local"], "Layers": ["layer.tar"]}]
with open(os.path.join(work, "manifest.json"), "w") as f:
    json.dump(manifest, f)
with tarfile.open(out, "w") as t:
    for name in ("manifest.json", config_name, "layer.tar"):
        t.add(os.path.join(work, name), arcname=name)
print("wrote", out)
PY
rm -rf "$work"
