"""Floor C: start Python and parse YAML files with PyYAML's C safe loader.

    python benchmarks/floors/yaml_parse.py PATH...

Each PATH is a file or a directory of *.yaml files. With no PATH it measures
only start-up and `import yaml`.
"""

import sys
from pathlib import Path

import yaml


def main(args: list[str]) -> None:
    count = 0
    for arg in args:
        path = Path(arg)
        for file in sorted(path.glob("*.yaml")) if path.is_dir() else [path]:
            with file.open("rb") as fh:
                yaml.load(fh, Loader=yaml.CSafeLoader)
            count += 1
    print(f"parsed {count} files")


if __name__ == "__main__":
    main(sys.argv[1:])
