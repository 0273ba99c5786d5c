import { AuthFrame } from "@/components/auth/auth-frame";
import { Skeleton } from "@/components/ui/skeleton";
import { SkeletonGroup } from "@/components/ui/page-skeleton";

export default function SignInLoading() {
  return (
    <AuthFrame>
      <div className="space-y-4" aria-busy="true">
        <span className="sr-only">Loading</span>
        <SkeletonGroup className="space-y-1.5" blocks={["h-4 w-14", "h-9 w-full"]} />
        <SkeletonGroup className="space-y-1.5" blocks={["h-4 w-16", "h-9 w-full"]} />
        <Skeleton className="h-9 w-full" />
      </div>
    </AuthFrame>
  );
}
