package org.fugitivetracker.asset;

import jakarta.validation.Valid;

import org.fugitivetracker.web.AdminApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Adding an asset transfer through the API (ADMIN). */
@RestController
@AdminApi
@PreAuthorize("hasRole('ADMIN')")
class AssetTransferApiController {

	private final AssetTransferRecorder recorder;

	AssetTransferApiController(AssetTransferRecorder recorder) {
		this.recorder = recorder;
	}

	@PostMapping("/api/v1/asset-transfers")
	ResponseEntity<AssetTransferRecorder.Recorded> record(@Valid @RequestBody AssetTransferForm form) {
		AssetTransferRecorder.Recorded recorded = recorder.record(form);
		return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
	}

}
