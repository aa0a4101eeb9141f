/**
 * The task pane's entry: load the bundled catalog, find out whether we are inside Excel, then
 * render. The same page works as a standalone web page. When Office is slow to answer, the
 * pane says it is waiting and lets the user go on without Excel.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { WaitingForOffice } from "./components/WaitingForOffice";
import { loadBundledCatalog } from "./bundledCatalog";
import { OFFICE_READY_TIMEOUT_MS, detectHost } from "./detectHost";

async function start() {
  const container = document.getElementById("container");
  if (!container) return;
  const { catalog, errors, sources } = loadBundledCatalog();
  const root = createRoot(container);
  let continueWithout: () => void = () => undefined;
  const giveUp = new Promise<void>((resolve) => (continueWithout = resolve));
  const slow = setTimeout(() => {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <WaitingForOffice onContinueWithout={continueWithout} />
      </FluentProvider>,
    );
  }, OFFICE_READY_TIMEOUT_MS);
  const host = await detectHost(giveUp);
  clearTimeout(slow);
  document.documentElement.dataset.host = host.kind;
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} catalog={catalog} catalogErrors={errors} catalogSources={sources} />
    </FluentProvider>,
  );
}

void start();
