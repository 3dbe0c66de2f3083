"""Floor D: start Python and json.load one JSON file.

python benchmarks/floors/json_load.py FILE
"""

import json
import sys


def main(path: str) -> None:
    with open(path, "rb") as fh:
        data = json.load(fh)
    print(f"loaded {len(data)} items")


if __name__ == "__main__":
    main(sys.argv[1])
