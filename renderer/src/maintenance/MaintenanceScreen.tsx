export default function MaintenanceScreen() {
  return <div data-testid="maintenance-screen" />;
}
