/**
 * The ribbon's function file. The only button (Uppföljning) shows the task pane, which Office
 * does from the manifest alone; this page just has to report ready.
 */
if (typeof Office !== "undefined") void Office.onReady();
export {};
