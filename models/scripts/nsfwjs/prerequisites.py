"""What the fixture scripts need, checked before any work: a missing tool is named with the command that installs
it and the script exits 2. Nothing here installs anything."""
import importlib
import os
import shutil
import subprocess
import sys

NODE_PACKAGES = "nsfwjs@4.4.0 @tensorflow/tfjs@4.22.0"


def fail(what, command):
    print("%s is missing; install with: %s" % (what, command), file=sys.stderr)
    sys.exit(2)


def python_modules(modules):
    """modules: import name -> Debian package (run with /usr/bin/python3, which sees Debian's modules)."""
    for name, package in modules.items():
        try:
            importlib.import_module(name)
        except ImportError:
            fail("the Python module %s" % name, "sudo apt-get install %s" % package)


def directories(paths, packages):
    missing = [p for p in paths if not os.path.isdir(p)]
    if missing:
        fail(", ".join(missing), "sudo apt-get install %s" % packages)


def node_with_nsfwjs():
    if shutil.which("node") is None:
        fail("node", "sudo apt-get install nodejs npm")
    probe = "require.resolve('nsfwjs'); require.resolve('@tensorflow/tfjs')"
    if subprocess.run(["node", "-e", probe], capture_output=True).returncode != 0:
        fail("the npm packages nsfwjs and @tensorflow/tfjs (on NODE_PATH)",
             "(cd <node dir> && npm install %s) and NODE_PATH=<node dir>/node_modules" % NODE_PACKAGES)
