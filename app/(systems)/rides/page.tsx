import type { Metadata } from "next";
import { RidePlanner } from "@/components/rides/where-to/ride-planner";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { mapSettings } from "@/server/platform/map-settings";
import { DEMO_CITY } from "@/server/rides/demo-city/city";

export const metadata: Metadata = { title: "Rides" };

export default function RidesPage() {
  return (
    <PageContainer>
      <PageHeader title="Rides" description={`Where to? Pick your pickup and drop-off in ${DEMO_CITY.name}: type a place, click the map or use your location.`} />
      <RidePlanner settings={mapSettings()} />
    </PageContainer>
  );
}
