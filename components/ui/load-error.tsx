import { Alert } from "./alert";

/** What a list or page shows when its data could not be loaded: the reason and a way to try again. */
export function LoadError({ title, message, onRetry }: { title: string; message?: string; onRetry: () => void }) {
  return (
    <Alert title={title}>
      {message ? <p>{message}</p> : null}
      <button type="button" onClick={onRetry} className="mt-2 font-medium underline underline-offset-4">
        Try again
      </button>
    </Alert>
  );
}
