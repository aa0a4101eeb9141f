/**
 * Moves keyboard focus to an action's result once it is on screen, so a keyboard or screen
 * reader user lands on what happened instead of staying on the button. The result's container
 * gets `ref` and tabIndex -1; `moveFocus()` is called when the action ends.
 */
import { useEffect, useRef, useState } from "react";

export function useResultFocus<T extends HTMLElement = HTMLDivElement>() {
  const ref = useRef<T>(null);
  const [request, setRequest] = useState(0);
  // After the render that shows the result: focusing in the handler would find the old DOM.
  useEffect(() => {
    if (request > 0) ref.current?.focus();
  }, [request]);
  return { ref, moveFocus: () => setRequest((n) => n + 1) };
}
