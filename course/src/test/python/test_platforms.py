"""Every platform the course promises resolves, natives included: Linux x86-64 (with oneDNN), Linux ARM64, macOS on
Intel and on Apple silicon, Windows x86-64, and the CUDA build on Linux and Windows. For each, Maven resolves the
course's dependency tree as that system's build would (its OS profile, and JavaCPP's platform, which JavaCPP's own
POMs otherwise take from the machine running Maven), then every native jar in the tree is asked for at Maven Central
(a HEAD request: present, and its size, without downloading 0.1-0.6 GB per platform). A release that drops one
platform's natives fails here. Needs Maven Central: skipped offline unless COURSE_REQUIRE_PLATFORMS=1 (CI)."""
import concurrent.futures
import os
import re
import subprocess
import urllib.error
import urllib.request

import pytest

from conftest import ROOT

CENTRAL = "https://repo.maven.apache.org/maven2"
PLATFORMS = ["linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64", "windows-x86_64"]
CUDA_PLATFORMS = ["linux-x86_64", "windows-x86_64"]  # ND4J's CUDA 11.6 build exists for these two only
ARTIFACT = re.compile(r"([\w.-]+):([\w.-]+):jar:([\w.-]+):([\w.-]+):(compile|runtime)")


def _central_reachable():
    try:
        urllib.request.urlopen(urllib.request.Request(f"{CENTRAL}/", method="HEAD"), timeout=15)
        return True
    except urllib.error.HTTPError:
        return True  # it answered
    except (urllib.error.URLError, OSError):
        return False


pytestmark = [pytest.mark.skipif(os.environ.get("COURSE_REQUIRE_PLATFORMS") != "1" and not _central_reachable(),
                                 reason="Maven Central is not reachable (COURSE_REQUIRE_PLATFORMS=1 makes this a failure)"),
              pytest.mark.slow]  # resolves every platform's natives at Maven Central


def native_jars(platform, cuda, tmp_path):
    """The (group, artifact, classifier, version) of every jar with a classifier in the course's dependency tree when
    built on `platform`: its OS profile on, every other one off."""
    others = [f"!{other}" for other in PLATFORMS if other != platform]
    profiles = ",".join([platform, *(["cuda"] if cuda else []), *others])
    out = tmp_path / f"{platform}-{'cuda' if cuda else 'cpu'}.txt"
    done = subprocess.run([str(ROOT / "mvnw"), "-B", "-q", "--no-transfer-progress", f"-P{profiles}",
                           f"-Djavacpp.platform={platform}", "-pl", "course", "-am", "dependency:tree",
                           f"-DoutputFile={out}", "-DappendOutput=true"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"Maven could not resolve the {profiles} build:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return {(g, a, c, v) for g, a, c, v, _ in ARTIFACT.findall(out.read_text())}


def size_at_central(group, artifact, classifier, version):
    url = f"{CENTRAL}/{group.replace('.', '/')}/{artifact}/{version}/{artifact}-{version}-{classifier}.jar"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=60) as answer:
            return int(answer.headers.get("Content-Length", 0))
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


TARGETS = [(p, False) for p in PLATFORMS] + [(p, True) for p in CUDA_PLATFORMS]


@pytest.mark.parametrize("platform, cuda", TARGETS, ids=[f"{p}{'-cuda' if c else ''}" for p, c in TARGETS])
@pytest.mark.timeout(300)
def test_the_build_for_each_platform_resolves_with_its_natives(platform, cuda, tmp_path):
    jars = native_jars(platform, cuda, tmp_path)
    present = {(g, a, c) for g, a, c, _ in jars}
    foreign = sorted(f"{a}:{c}" for _, a, c, _ in jars if not c.startswith(platform))
    assert foreign == [], f"the {platform} build would carry another platform's natives"
    if cuda:
        backend = ("org.nd4j", "nd4j-cuda-11.6")
        wanted = {backend: f"{platform}-cudnn", ("org.bytedeco", "cuda"): f"{platform}-redist"}
    else:
        backend = ("org.nd4j", "nd4j-native")
        wanted = {backend: platform + ("-onednn" if platform == "linux-x86_64" else ""),
                  ("org.bytedeco", "openblas"): platform}
    wanted[("org.bytedeco", "javacpp")] = platform
    for key, classifier in wanted.items():
        assert (*key, classifier) in present, \
            f"{':'.join(key)}:{classifier} is not in the {platform} build's tree"

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        sizes = dict(zip(sorted(jars), pool.map(lambda jar: size_at_central(*jar), sorted(jars))))
    missing = [":".join(jar) for jar, size in sizes.items() if size is None]
    assert missing == [], f"Maven Central has no jar for these natives of the {platform} build: {missing}"
    library = max(size for (g, a, _, _), size in sizes.items() if (g, a) == backend)
    assert library > 30 * 2**20, f"{backend[1]}'s {platform} jar holds {library} bytes: no native library in it"
