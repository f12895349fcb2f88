import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy";

describe("checkNewPassword", () => {
  it.each(["password1", "Password123", "qwertyuiop", "iloveyou1", "12345678", "baseball1"])("refuses the common password %j", (password) => {
    expect(checkNewPassword(password)?.code).toBe("PASSWORD_TOO_COMMON");
  });

  it("refuses short and overlong passwords", () => {
    expect(checkNewPassword("Xy7#kq2")?.code).toBe("PASSWORD_TOO_SHORT");
    expect(checkNewPassword("x".repeat(129))?.code).toBe("PASSWORD_TOO_LONG");
  });

  it("accepts a long uncommon password, and the demo password", () => {
    expect(checkNewPassword("correct-horse-battery")).toBeNull();
    expect(checkNewPassword("casebook-demo")).toBeNull();
  });
});
