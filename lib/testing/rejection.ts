import { AppError } from "@/lib/errors";

/** The AppError a promise is rejected with (anything else, or no rejection, fails the test). */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}
