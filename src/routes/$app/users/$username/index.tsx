import { createFileRoute } from '@tanstack/react-router';
import { UserProfile } from '@/features/users/components/user-profile';

export const Route = createFileRoute('/$app/users/$username/')({
  component: ProfileSection,
});

function ProfileSection() {
  const { app, username } = Route.useParams();
  return <UserProfile app={app} username={username} />;
}
