"use client";

import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

// Short-lived messages in a corner (above the phone's bottom bar). The text of every toast is
// also in the page's own aria-live status region, so toasts are not announced a second time.

export type ToastTone = "ok" | "error" | "info";
export type Toast = { id: number; tone: ToastTone; title: string; details?: string[] };

type ToastApi = { show: (toast: Omit<Toast, "id">, durationMs?: number) => void };

const ToastContext = createContext<ToastApi>({ show: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

const TONES: Record<ToastTone, string> = {
  ok: "border-ok/60",
  error: "border-danger/70",
  info: "border-line",
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback(
    (id: number) => setToasts((all) => all.filter((t) => t.id !== id)),
    [],
  );
  const show = useCallback(
    (toast: Omit<Toast, "id">, durationMs?: number) => {
      const id = nextId.current++;
      // Keep at most three: a burst of moves shouldn't cover the inventory.
      setToasts((all) => [...all.slice(-2), { ...toast, id }]);
      const ms = durationMs ?? (toast.tone === "error" ? 9000 : 4000);
      window.setTimeout(() => dismiss(id), ms);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        aria-live="off"
        className="pointer-events-none fixed inset-x-3 bottom-20 z-50 grid justify-items-end gap-2 md:right-6 md:bottom-6 md:left-auto md:w-96"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            data-testid="toast"
            data-tone={t.tone}
            className={`pointer-events-auto w-full rounded-lg border-l-4 ${TONES[t.tone]} border-line bg-panel-2 border p-3 text-sm shadow-lg shadow-black/40`}
          >
            <div className="flex items-start justify-between gap-3">
              <p className="font-medium">{t.title}</p>
              <button
                type="button"
                onClick={() => dismiss(t.id)}
                className="text-muted hover:text-text -m-1 rounded p-1"
                aria-label="Dismiss"
              >
                ×
              </button>
            </div>
            {t.details && t.details.length > 0 ? (
              <ul className="text-muted mt-1 grid gap-0.5">
                {t.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
