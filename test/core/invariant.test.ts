import { InternalError, present } from "../../src/core/invariant";

describe("present", () => {
  it("returns the value, falsy ones included (0, empty text and false are values, not missing)", () => {
    expect(present(0, "talet")).toBe(0);
    expect(present("", "texten")).toBe("");
    expect(present(false, "svaret")).toBe(false);
  });

  it("stops with an internal error naming what was missing", () => {
    expect(() => present(undefined, "formeln för andel")).toThrow(InternalError);
    expect(() => present(null, "formeln för andel")).toThrow("Internt fel: formeln för andel saknas");
  });
});
