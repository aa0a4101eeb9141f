/**
 * The task pane's entry: load the bundled catalog, find out whether we are inside Excel (never
 * waiting on Office without a limit), then render. The same page works as a standalone web page.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { loadBundledCatalog } from "./bundledCatalog";
import { detectHost } from "./detectHost";

async function start() {
  const container = document.getElementById("container");
  if (!container) return;
  const { catalog, errors } = loadBundledCatalog();
  const host = await detectHost();
  document.documentElement.dataset.host = host.kind;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} catalog={catalog} catalogErrors={errors} />
    </FluentProvider>,
  );
}

void start();
