"""The script an analyst would write to roll up the returned workbooks: openpyxl opens each file
(normal mode, data_only=True: the cached values; read_only=True is what a careful analyst might
use, but the usual first script does not), reads the cells of the defined names U_<measure>,
and pandas sums each measure over the units. Run by `npm run bench` to time it beside ours.

    python3 analyst.py FOLDER    -> prints files, measures and the sum of all measure sums
"""
import os
import sys

import openpyxl
import pandas as pd


def named_values(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    rows = []
    for name, defined in wb.defined_names.items():
        if not name.startswith("U_"):
            continue
        for sheet, ref in defined.destinations:
            cells = wb[sheet][ref.replace("$", "")]
            flat = [c for row in cells for c in row] if isinstance(cells, tuple) else [cells]
            for cell in flat:
                rows.append((os.path.basename(path), name[2:], cell.value))
    return rows


def main(folder):
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".xlsx"))
    rows = [row for path in files for row in named_values(path)]
    frame = pd.DataFrame(rows, columns=["fil", "matt", "varde"])
    frame["varde"] = pd.to_numeric(frame["varde"], errors="coerce")
    sums = frame.groupby("matt")["varde"].sum()
    print(f"{len(files)}\t{len(sums)}\t{sums.sum():.2f}")


if __name__ == "__main__":
    main(sys.argv[1])
