export default function DashboardScreen() {
  return <div data-testid="dashboard-screen" />;
}
