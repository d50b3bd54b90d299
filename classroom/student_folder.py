"""A student's own course folder on a shared machine, and the kernelspec that uses it.

The folder (~/creative-ai-java by default) holds the student's copy of the notebooks, their outputs and
checkpoints; the course's data, library sources and solutions are links into the shared, read-only course, and
JavaCPP's cache is a folder of links to the native libraries unpacked once for everyone. First use creates it;
later uses only add what the course gained (a new chapter), never overwriting a student's work.

Used by the classroom JupyterHub's spawner (as root, for each student) and, in a Zero to JupyterHub deployment,
by the image's start hook (as the student):  python3 classroom/student_folder.py /srv/course ~/creative-ai-java"""
import json
import os
import pathlib
import shutil
import sys

SHARED_LINKS = ["datasets", "lib", "solutions", "pom.xml", "README.md"]
KERNEL_NAME = "creative-ai-java"


def environment(shared, folder):
    """What a student's kernels need in their environment (the kernelspec leaves these to the server)."""
    return {
        "COURSE_HOME": str(folder),
        "COURSE_DATA": str(shared / ".cache" / "datasets"),
        # the student's cache of links to the shared natives; no re-linking (a link would point past them)
        "JDK_JAVA_OPTIONS": f"-Dorg.bytedeco.javacpp.cachedir={folder / '.cache' / 'javacpp'} "
                            "-Dorg.bytedeco.javacpp.canCreateSymbolicLink=false",
    }


def prepare(shared, folder, owner=None):
    """Creates or completes the folder; `owner` (uid, gid) is given when root prepares it for a student."""
    shared, folder = pathlib.Path(shared), pathlib.Path(folder)
    made = []

    def make(path, create):
        if not path.exists() and not path.is_symlink():
            create(path)
            made.append(path)

    for sub in ("", "notebooks", "outputs", "checkpoints", ".cache", ".cache/javacpp"):
        make(folder / sub, lambda p: p.mkdir())
    folder.chmod(0o700)  # classmates cannot read each other's work
    for name in SHARED_LINKS:
        make(folder / name, lambda p, name=name: p.symlink_to(shared / name))
    for item in sorted((shared / "notebooks").iterdir()):
        if not item.name.startswith("."):
            copy = shutil.copytree if item.is_dir() else shutil.copy2
            make(folder / "notebooks" / item.name,
                 lambda p, item=item, copy=copy: copy(item, p, **({"ignore": shutil.ignore_patterns(".*")} if item.is_dir() else {})))
    for unpacked in sorted((shared / ".cache" / "javacpp").glob("*")):
        if unpacked.is_dir():
            make(folder / ".cache" / "javacpp" / unpacked.name, lambda p, unpacked=unpacked: p.symlink_to(unpacked))
    if owner:
        for path in made:
            for inside in [path, *(path.rglob("*") if path.is_dir() and not path.is_symlink() else [])]:
                os.chown(inside, *owner, follow_symlinks=False)
    return made


def kernelspec(shared, target):
    """Writes the course kernelspec as built, minus COURSE_HOME and JavaCPP's cache folder, which differ per
    student and come from `environment`; returns the kernelspec folder."""
    shared = pathlib.Path(shared)
    built = json.loads((shared / "course" / "target" / "kernelspec" / KERNEL_NAME / "kernel.json").read_text())
    built["argv"] = [a for a in built["argv"] if not a.startswith("-Dorg.bytedeco.javacpp.cachedir=")]
    built["env"].pop("COURSE_HOME", None)
    folder = pathlib.Path(target) / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kernel.json").write_text(json.dumps(built, indent=2))
    return folder


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    course, mine = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).expanduser().resolve()
    created = prepare(course, mine)
    spec = kernelspec(course, pathlib.Path.home() / ".local" / "share" / "jupyter")
    spec_env = json.loads((spec / "kernel.json").read_text())
    spec_env["env"].update(environment(course, mine))  # a Z2JH pod has no spawner to set them: the spec carries them
    (spec / "kernel.json").write_text(json.dumps(spec_env, indent=2))
    print(f"{mine}: {len(created)} new entries; kernelspec in {spec}")
