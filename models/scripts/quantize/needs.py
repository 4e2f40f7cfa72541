"""The import check the quantization scripts share: they need numpy and onnx (Debian's python3-numpy and
python3-onnx, seen by /usr/bin/python3) and never install anything; a missing module names the install
command and exits 2 before any work starts."""
import sys


def require_modules(script, names=("numpy", "onnx")):
    missing = []
    for name in names:
        try:
            __import__(name)
        except ImportError:
            missing.append(name)
    if missing:
        print("%s needs the Python modules %s; install with: "
              "sudo apt-get install python3-onnx python3-numpy" % (script, ", ".join(missing)), file=sys.stderr)
        sys.exit(2)
