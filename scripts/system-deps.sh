#!/usr/bin/env bash
# Installs the Debian packages some tests need (LibreOffice Calc and Writer to open generated
# workbooks and the report, poppler-utils to read the PDF LibreOffice prints, Chromium for the
# browser test) when they are missing. Run by `npm test` (pretest).
# On CI (CI=true) a failed install fails the run; elsewhere the tests that need the
# program say they were skipped.
set -u
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# Writer, for the nämnd report (docx → PDF); its library is there only when the package is.
command -v soffice >/dev/null 2>&1 && ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 ||
  need+=(libreoffice-writer-nogui)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: ${need[*]} saknas och kan inte installeras här (kräver root och apt-get); de testerna hoppas över." >&2
  [ "${CI:-}" = "true" ] && exit 1
  exit 0
fi
echo "system-deps: installerar ${need[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
  echo "system-deps: installationen misslyckades." >&2
  [ "${CI:-}" = "true" ] && exit 1
fi
exit 0
