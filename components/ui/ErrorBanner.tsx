export function ErrorBanner({ error, title }: { error: unknown; title?: React.ReactNode }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
      {title && <p className="font-semibold">{title}</p>}
      <p className="whitespace-pre-wrap break-words">{message}</p>
    </div>
  );
}
