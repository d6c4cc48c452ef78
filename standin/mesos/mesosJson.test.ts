import { describe, expect, it } from "vitest";
import { dbl, formatDouble, writeMesosJson } from "./mesosJson";

// Expected texts come from stout's jsonify rules as state-fields.md §0 and the audit (§2.6) give them.
describe("Mesos number and string formatting", () => {
  it("1.4 prints every double with a decimal point, 15 significant digits", () => {
    expect(formatDouble(2, "1.4")).toBe("2.0");
    expect(formatDouble(1024, "1.4")).toBe("1024.0");
    expect(formatDouble(0.25, "1.4")).toBe("0.25");
    expect(formatDouble(1500000000.12345, "1.4")).toBe("1500000000.12345");
    expect(formatDouble(1509617001.554219, "1.4")).toBe("1509617001.55422");
  });

  it("1.4 escapes '/', 1.11 does not; both keep '.0' on integral doubles", () => {
    const v = { webui_url: "http://od1000-1:8080", cpus: dbl(4), port: 5051 };
    expect(writeMesosJson(v, "1.4")).toBe('{"webui_url":"http:\\/\\/od1000-1:8080","cpus":4.0,"port":5051}');
    expect(writeMesosJson(v, "1.11")).toBe('{"webui_url":"http://od1000-1:8080","cpus":4.0,"port":5051}');
    expect(formatDouble(0.1, "1.11")).toBe("0.1");
  });
});
