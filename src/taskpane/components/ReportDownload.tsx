import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { CollectedRollup } from "../../workbook/collect";
import type { Comparison } from "../../core/comparison/model";
import { downloadBytes } from "../download";
import { errorText } from "../errors";
import { loadReportModule } from "../reportModule";
import { Notice, type NoticeData } from "./Notice";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface ReportDownloadProps {
  collected: CollectedRollup;
  /** Earlier periods and targets picked for the roll-up: the report shows trends and status too. */
  comparison?: Comparison;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex" },
});

/**
 * The nämnd report of the roll-up just made, as a Word document to download: in Excel as in the
 * standalone page a file to open in Word, edit and send on.
 */
export function ReportDownload({ collected, comparison }: ReportDownloadProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeData>();

  async function download() {
    setBusy(true);
    setNotice(undefined);
    try {
      const report = await loadReportModule();
      const fileName = report.reportFileName(collected);
      downloadBytes(
        await report.writeReport(collected, comparison ? { comparison } : {}),
        fileName,
        DOCX_MIME,
      );
      setNotice({ intent: "success", text: `Rapporten har laddats ned som ${fileName}.` });
    } catch (e) {
      setNotice({ intent: "error", text: `Rapporten kunde inte skapas. ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button onClick={download} disabled={busy}>
          {busy ? "Skapar rapporten …" : "Ladda ner rapport (Word)"}
        </Button>
      </div>
      {notice && <Notice notice={notice} />}
    </div>
  );
}
