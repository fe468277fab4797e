import { useNotificationStore } from '../../stores/notification-store';

export function Notifications() {
  const items = useNotificationStore((s) => s.items);
  const dismiss = useNotificationStore((s) => s.dismiss);
  if (items.length === 0) return null;
  return (
    <div className="notifications">
      {items.map((n) => (
        <div key={n.id} className={`notification ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} onClick={() => dismiss(n.id)}>
          {n.text}
        </div>
      ))}
    </div>
  );
}
