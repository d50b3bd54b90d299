"""How the classroom server starts a student's JupyterLab: as the student's own Unix account, in a course folder
of their own (~/creative-ai-java: their copy of the notebooks, their outputs and checkpoints) that reads the
shared course's build, data and library sources through read-only links, inside a control group that caps the
student's memory and CPU, on a port of their own."""
import pathlib
import pwd

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Float, Integer, Unicode

import limits
import student_folder


class CourseSpawner(LocalProcessSpawner):
    course_root = Unicode(help="The shared, built course (read-only for students)").tag(config=True)
    folder_name = Unicode("creative-ai-java", help="The student's course folder, in their home").tag(config=True)
    memory_limit_bytes = Integer(3 * 2**30, help="Memory cap for a student's server and kernels").tag(config=True)
    cpu_limit_cores = Float(1.0, help="CPU cap for a student's server and kernels, in cores").tag(config=True)
    port_base = Integer(20000, help="""A student's server listens on port_base + (their uid mod 10000). A port picked
        at random (JupyterHub's default) can be taken by another server or kernel starting in the same second: with
        thirty students at once the hub routed one student to another's server. These ports are the same at every
        start and lie below Linux's ephemeral range (32768 up), where the random ones are drawn.""").tag(config=True)

    def student_folder(self):
        return pathlib.Path(pwd.getpwnam(self.user.name).pw_dir) / self.folder_name

    def prepare_folder(self):
        """Creates or completes the student's folder (see student_folder.py), owned by the student."""
        account = pwd.getpwnam(self.user.name)
        folder = self.student_folder()
        student_folder.prepare(self.course_root, folder, owner=(account.pw_uid, account.pw_gid))
        return folder

    def get_env(self):
        env = super().get_env()
        env.update(student_folder.environment(pathlib.Path(self.course_root), self.student_folder()))
        return env

    def make_preexec_fn(self, name):
        demote = super().make_preexec_fn(name)
        groups = self.cgroup_files

        def preexec():
            if groups:
                limits.join(groups)  # still root here: join the student's group, then become the student
            demote()
        return preexec

    async def start(self):
        self.port = self.port_base + pwd.getpwnam(self.user.name).pw_uid % 10000
        folder = self.prepare_folder()
        self.notebook_dir = str(folder / "notebooks")
        self.cgroup_files = None
        if limits.version():
            self.cgroup_files = limits.prepare(self.user.name, self.memory_limit_bytes, self.cpu_limit_cores)
        else:
            self.log.warning("No writable control groups: %s runs without a memory or CPU cap (the kernel's own "
                             "Java and ND4J limits still hold)", self.user.name)
        return await super().start()
